# Tutorial: masking everything up to and including a response template with -100 (completion-only loss).
IGNORE = -100
def find_sublist(haystack, needle):
    last = -1
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            last = i
    return last
def mask_labels(input_ids, response_ids):
    start = find_sublist(input_ids, response_ids)
    if start < 0:
        print(f"warning: could not find response key {response_ids} in {input_ids}")
        return [IGNORE] * len(input_ids)
    end = start + len(response_ids)
    return [IGNORE] * end + input_ids[end:]
response = [50, 51]
rows = [
    [1, 20, 21, 50, 51, 30, 31, 2],
    [1, 50, 51, 22, 50, 51, 33, 2],
    [1, 23, 24, 2],
]
for ids in rows:
    labels = mask_labels(ids, response)
    print(labels, sum(1 for l in labels if l != IGNORE))
text = "### Question: hi\n ### Answer: hello"
template = " ### Answer:"
cut = text.rfind(template) + len(template)
print(repr(text[:cut]), repr(text[cut:]))
