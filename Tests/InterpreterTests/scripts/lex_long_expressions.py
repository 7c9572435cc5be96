# Lexing/parsing of long nested expressions spread over many lines, with comments between items.
result = sum(
    [
        x * y  # product
        for x in range(1, 4)
        for y in (
            10,
            20,  # trailing comment
        )
        if (x + y) % 3 != 0
    ]
)
print(result)
table = {
    "rows": [
        {"id": 1, "vals": [1.5, 2.5]},
        {"id": 2, "vals": []},
    ],
    "meta": {"source": "generated", "ok": True,},
}
print(len(table["rows"]), table["meta"]["source"])
value = (
    1
    + 2
    - 3
    * 4
)
print(value)
call = max(
    1,
    2,
    key=lambda v: -v,
)
print(call)
