namespace Strata.Sources.Tests.Arxiv;

/// <summary>Hand-written arXiv API responses shaped like the real service's output.</summary>
internal static class ArxivResponses
{
    public const string TwoEntries = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <link href="http://arxiv.org/api/query?search_query%3Dall%3A%22retrieval%20augmented%22%26id_list%3D%26start%3D0%26max_results%3D2" rel="self" type="application/atom+xml"/>
          <title type="html">ArXiv Query: search_query=all:"retrieval augmented"&amp;id_list=&amp;start=0&amp;max_results=2</title>
          <id>http://arxiv.org/api/Qx9CkT0yJ0Q1cPVb1mHBz0Zg3sY</id>
          <updated>2024-01-05T00:00:00-05:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1342</opensearch:totalResults>
          <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
          <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">2</opensearch:itemsPerPage>
          <entry>
            <id>http://arxiv.org/abs/2401.01234v1</id>
            <updated>2024-01-03T18:59:59Z</updated>
            <published>2024-01-03T18:59:59Z</published>
            <title>Retrieval-Augmented Generation for Personal
          Knowledge Bases:   A Survey</title>
            <summary>  Retrieval-augmented generation (RAG) grounds large language models in
        external documents. We survey methods for personal knowledge bases &amp;
        note-taking tools.
          We find that chunking matters more than the embedding model.
        </summary>
            <author>
              <name>Ada Lovelace</name>
              <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">Analytical Engines Ltd</arxiv:affiliation>
            </author>
            <author>
              <name>Grace  Hopper</name>
            </author>
            <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">10.1000/xyz123</arxiv:doi>
            <link title="doi" href="http://dx.doi.org/10.1000/xyz123" rel="related"/>
            <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages, 3 figures; accepted
          at ACL 2024</arxiv:comment>
            <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">Proc. ACL 2024, 101-112</arxiv:journal_ref>
            <link href="http://arxiv.org/abs/2401.01234v1" rel="alternate" type="text/html"/>
            <link title="pdf" href="http://arxiv.org/pdf/2401.01234v1" rel="related" type="application/pdf"/>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.IR" scheme="http://arxiv.org/schemas/atom"/>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
          <entry>
            <id>http://arxiv.org/abs/hep-th/9901001v1</id>
            <updated>1999-01-04T12:00:00-05:00</updated>
            <published>1999-01-04T12:00:00-05:00</published>
            <title>Strings on a Lattice</title>
            <summary>A short abstract.</summary>
            <author>
              <name>J. Physicist</name>
            </author>
            <link href="http://arxiv.org/abs/hep-th/9901001v1" rel="alternate" type="text/html"/>
            <link title="pdf" href="http://arxiv.org/pdf/hep-th/9901001v1" rel="related" type="application/pdf"/>
            <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
            <category term="hep-th" scheme="http://arxiv.org/schemas/atom"/>
          </entry>
        </feed>
        """;

    public const string SecondVersion = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
          <id>https://arxiv.org/api/0vD1mWbV1tqF3Jk6oFvVd4kHnIg</id>
          <title>arXiv Query: search_query=&amp;id_list=2401.01234&amp;start=0&amp;max_results=10</title>
          <updated>2024-03-01T00:00:00Z</updated>
          <link href="https://arxiv.org/api/query?search_query=&amp;start=0&amp;max_results=10&amp;id_list=2401.01234" type="application/atom+xml"/>
          <opensearch:itemsPerPage>10</opensearch:itemsPerPage>
          <opensearch:totalResults>1</opensearch:totalResults>
          <opensearch:startIndex>0</opensearch:startIndex>
          <entry>
            <id>http://arxiv.org/abs/2401.01234v2</id>
            <title>Retrieval-Augmented Generation for Personal Knowledge Bases: A Survey</title>
            <updated>2024-02-28T09:30:00Z</updated>
            <link href="https://arxiv.org/abs/2401.01234v2" rel="alternate" type="text/html"/>
            <link href="https://arxiv.org/pdf/2401.01234v2" rel="related" type="application/pdf" title="pdf"/>
            <summary>Revised: retrieval-augmented generation for personal knowledge bases.</summary>
            <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
            <published>2024-01-03T18:59:59Z</published>
            <arxiv:primary_category term="cs.CL"/>
            <author>
              <name>Ada Lovelace</name>
            </author>
          </entry>
        </feed>
        """;

    public const string Error = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
          <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/query?search_query=&amp;id_list=1234.12345" rel="self" type="application/atom+xml"/>
          <title xmlns="http://www.w3.org/2005/Atom" type="html">ArXiv Query: search_query=&amp;id_list=1234.12345</title>
          <id xmlns="http://www.w3.org/2005/Atom">http://arxiv.org/api/kvuntZ8c9a4Eq5CF7KY03nMug+Q</id>
          <updated xmlns="http://www.w3.org/2005/Atom">2007-10-12T00:00:00-04:00</updated>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:totalResults>
          <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
          <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">1</opensearch:itemsPerPage>
          <entry xmlns="http://www.w3.org/2005/Atom">
            <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
            <title xmlns="http://www.w3.org/2005/Atom">Error</title>
            <summary xmlns="http://www.w3.org/2005/Atom">incorrect id format for 1234.12345</summary>
            <updated xmlns="http://www.w3.org/2005/Atom">2007-10-12T00:00:00-04:00</updated>
            <link xmlns="http://www.w3.org/2005/Atom" href="http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345" rel="alternate" type="text/html"/>
            <author xmlns="http://www.w3.org/2005/Atom">
              <name xmlns="http://www.w3.org/2005/Atom">arXiv api core</name>
            </author>
          </entry>
        </feed>
        """;

    public const string Empty = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <id>http://arxiv.org/api/empty</id>
          <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:totalResults>
          <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>
          <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">50</opensearch:itemsPerPage>
        </feed>
        """;

    /// <summary>An external entity pointing at a local file; the placeholder is replaced with its path.</summary>
    public const string ExternalEntity = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file://FILE"> ]>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <entry>
            <id>http://arxiv.org/abs/2401.01234v1</id>
            <published>2024-01-03T18:59:59Z</published>
            <title>&xxe;</title>
            <summary>&xxe;</summary>
          </entry>
        </feed>
        """;

    public const string Malformed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <entry>
            <id>http://arxiv.org/abs/2401.01234v1</id>
            <title>Unclosed
        </feed>
        """;
}
