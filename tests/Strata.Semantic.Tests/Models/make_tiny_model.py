#!/usr/bin/env python3
"""Writes tiny-bert/: a real ONNX graph (no onnx package needed: the protobuf is encoded by hand) and its vocab.txt.

The graph takes input_ids and attention_mask [batch, seq] (int64) and returns last_hidden_state [batch, seq, 4]:
a Gather of token id rows from a fixed embedding table, times a Cast of the mask (so padding rows are zero).
Row i of the table is [i, 1, -i/2, 0.25 * (i % 3)]: the tests compute mean pooling and L2 normalisation by hand
from these numbers. Run: python3 make_tiny_model.py (from this folder).
"""
import os
import struct

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello", "world", "strata", "search", "##s", "[MASK]"]
DIM = 4


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def key(field, wire):
    return varint((field << 3) | wire)


def f_varint(field, n):
    return key(field, 0) + varint(n)


def f_bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return key(field, 2) + varint(len(data)) + data


def dim(value=None, param=None):
    return f_bytes(1, f_varint(1, value) if value is not None else f_bytes(2, param))


def value_info(name, elem_type, dims):
    shape = b"".join(dim(**d) for d in dims)
    tensor_type = f_varint(1, elem_type) + f_bytes(2, shape)
    return f_bytes(1, name) + f_bytes(2, f_bytes(1, tensor_type))


def node(op, inputs, outputs, name, attributes=b""):
    body = b"".join(f_bytes(1, i) for i in inputs) + b"".join(f_bytes(2, o) for o in outputs)
    return body + f_bytes(3, name) + f_bytes(4, op) + attributes


def row(i):
    return [float(i), 1.0, -i / 2.0, 0.25 * (i % 3)]


FLOAT, INT64 = 1, 7
table = b"".join(struct.pack("<4f", *row(i)) for i in range(len(VOCAB)))
initializer = f_varint(1, len(VOCAB)) + f_varint(1, DIM) + f_varint(2, FLOAT) + f_bytes(8, "embeddings") + f_bytes(9, table)
cast_to_float = f_bytes(5, f_bytes(1, "to") + f_varint(3, FLOAT) + f_varint(20, 2))  # AttributeProto: name, i, type=INT
axes = f_varint(1, 1) + f_varint(2, INT64) + f_bytes(8, "axes") + f_bytes(9, struct.pack("<q", -1))

graph = (
    f_bytes(1, node("Gather", ["embeddings", "input_ids"], ["gathered"], "lookup"))
    + f_bytes(1, node("Cast", ["attention_mask"], ["mask_float"], "cast", cast_to_float))
    + f_bytes(1, node("Unsqueeze", ["mask_float", "axes"], ["mask3"], "unsqueeze"))
    + f_bytes(1, node("Mul", ["gathered", "mask3"], ["last_hidden_state"], "mask"))
    + f_bytes(2, "tiny-bert")
    + f_bytes(5, initializer)
    + f_bytes(5, axes)
    + f_bytes(11, value_info("input_ids", INT64, [{"param": "batch"}, {"param": "sequence"}]))
    + f_bytes(11, value_info("attention_mask", INT64, [{"param": "batch"}, {"param": "sequence"}]))
    + f_bytes(12, value_info("last_hidden_state", FLOAT, [{"param": "batch"}, {"param": "sequence"}, {"value": DIM}]))
)
model = f_varint(1, 8) + f_bytes(2, "strata-tests") + f_bytes(7, graph) + f_bytes(8, f_bytes(1, "") + f_varint(2, 13))

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny-bert")
os.makedirs(here, exist_ok=True)
with open(os.path.join(here, "model.onnx"), "wb") as out:
    out.write(model)
with open(os.path.join(here, "vocab.txt"), "w") as out:
    out.write("\n".join(VOCAB) + "\n")
print("wrote", here)
