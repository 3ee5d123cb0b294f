namespace Strata.Core.Text;

/// <summary>
/// Hand-written sample text per Latin-script language, the source of <see cref="LatinTrigrams"/>' character trigram
/// profiles: everyday prose on varied topics (home, work, travel, science, food, news), written for Strata.
/// </summary>
internal static class LatinTrigramSamples
{
    public const string English =
        "The children walked home through the park after school and stopped to watch the ducks on the pond. " +
        "Yesterday my neighbour told me that the bakery on the corner will close next month, which is a shame because their bread is wonderful. " +
        "Researchers have published a new study showing that regular exercise improves sleep and memory in older adults. " +
        "Could you please check whether the train leaves at seven or at eight tomorrow morning? " +
        "The government announced higher taxes on imported cars, and several companies criticised the decision. " +
        "We spent the weekend painting the kitchen, fixing the broken window and planting tomatoes in the garden. " +
        "Learning a programming language takes practice: write small programs, read other people's code and ask questions. " +
        "The museum opens a new exhibition about ancient maps, with drawings of coastlines, mountains and rivers. " +
        "Thanks for your message; I will call you later this afternoon when the meeting with the team is finished. " +
        "Heavy rain flooded several streets downtown, and drivers were asked to avoid the bridge until the water goes down. " +
        "Her favourite books are long novels about families, friendship and the small choices that change everything. " +
        "Software engineers should write clear documentation, useful tests and honest release notes for every version.";

    public const string French =
        "Les enfants sont rentrés à la maison en traversant le parc après l'école et se sont arrêtés pour regarder les canards. " +
        "Hier, ma voisine m'a dit que la boulangerie du coin va fermer le mois prochain, ce qui est dommage car leur pain est excellent. " +
        "Des chercheurs ont publié une nouvelle étude montrant que l'exercice régulier améliore le sommeil et la mémoire des personnes âgées. " +
        "Pourriez-vous vérifier si le train part à sept heures ou à huit heures demain matin ? " +
        "Le gouvernement a annoncé une hausse des taxes sur les voitures importées, et plusieurs entreprises ont critiqué cette décision. " +
        "Nous avons passé le week-end à peindre la cuisine, à réparer la fenêtre cassée et à planter des tomates dans le jardin. " +
        "Apprendre un langage de programmation demande de la pratique : écrivez de petits programmes, lisez le code des autres et posez des questions. " +
        "Le musée ouvre une nouvelle exposition consacrée aux cartes anciennes, avec des dessins de côtes, de montagnes et de rivières. " +
        "Merci pour votre message ; je vous appellerai cet après-midi quand la réunion avec l'équipe sera terminée. " +
        "De fortes pluies ont inondé plusieurs rues du centre-ville, et les automobilistes doivent éviter le pont jusqu'à la décrue. " +
        "Ses livres préférés sont de longs romans sur la famille, l'amitié et les petits choix qui changent tout. " +
        "Quelques idées reçues sur la cuisine française : beaucoup de beurre, peu de légumes, et toujours du fromage à la fin du repas.";

    public const string German =
        "Die Kinder sind nach der Schule durch den Park nach Hause gegangen und haben den Enten am Teich zugeschaut. " +
        "Gestern hat mir meine Nachbarin erzählt, dass die Bäckerei an der Ecke nächsten Monat schließt, was schade ist, weil ihr Brot wunderbar ist. " +
        "Forscher haben eine neue Studie veröffentlicht, die zeigt, dass regelmäßige Bewegung den Schlaf und das Gedächtnis älterer Menschen verbessert. " +
        "Könnten Sie bitte nachsehen, ob der Zug morgen früh um sieben oder um acht Uhr abfährt? " +
        "Die Regierung hat höhere Steuern auf importierte Autos angekündigt, und mehrere Unternehmen haben die Entscheidung kritisiert. " +
        "Wir haben das Wochenende damit verbracht, die Küche zu streichen, das kaputte Fenster zu reparieren und Tomaten im Garten zu pflanzen. " +
        "Eine Programmiersprache zu lernen braucht Übung: Schreiben Sie kleine Programme, lesen Sie fremden Code und stellen Sie Fragen. " +
        "Das Museum eröffnet eine neue Ausstellung über alte Landkarten mit Zeichnungen von Küsten, Gebirgen und Flüssen. " +
        "Vielen Dank für Ihre Nachricht; ich rufe Sie heute Nachmittag an, wenn die Besprechung mit dem Team vorbei ist. " +
        "Starker Regen hat mehrere Straßen in der Innenstadt überflutet, und Autofahrer sollen die Brücke meiden, bis das Wasser sinkt. " +
        "Ihre Lieblingsbücher sind lange Romane über Familien, Freundschaft und die kleinen Entscheidungen, die alles verändern. " +
        "Herzliche Grüße aus dem verschneiten Gebirge, wo wir jeden Tag wandern und abends gemütlich zusammensitzen.";

    public const string Spanish =
        "Los niños volvieron a casa por el parque después de la escuela y se detuvieron a mirar los patos del estanque. " +
        "Ayer mi vecina me dijo que la panadería de la esquina cerrará el mes que viene, lo cual es una pena porque su pan es buenísimo. " +
        "Unos investigadores han publicado un nuevo estudio que muestra que el ejercicio regular mejora el sueño y la memoria de las personas mayores. " +
        "¿Podría comprobar si el tren sale a las siete o a las ocho mañana por la mañana? " +
        "El gobierno anunció impuestos más altos para los coches importados, y varias empresas criticaron la decisión. " +
        "Pasamos el fin de semana pintando la cocina, arreglando la ventana rota y plantando tomates en el jardín. " +
        "Aprender un lenguaje de programación requiere práctica: escriba programas pequeños, lea el código de otras personas y haga preguntas. " +
        "El museo inaugura una nueva exposición sobre mapas antiguos, con dibujos de costas, montañas y ríos. " +
        "Gracias por su mensaje; le llamaré esta tarde cuando termine la reunión con el equipo. " +
        "Las fuertes lluvias inundaron varias calles del centro, y se pidió a los conductores que evitaran el puente hasta que bajara el agua. " +
        "Sus libros favoritos son novelas largas sobre familias, amistad y las pequeñas decisiones que lo cambian todo. " +
        "Una receta sencilla: cebolla, pimiento, ajo y arroz, cocinados despacio con aceite de oliva y un poco de azafrán.";
}
