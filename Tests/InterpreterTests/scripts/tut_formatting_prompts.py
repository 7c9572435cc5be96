# Tutorial: formatting_prompts_func over a dict-of-lists batch, as in the TRL SFT tutorial.
def formatting_prompts_func(example):
    output_texts = []
    for i in range(len(example["instruction"])):
        text = f"### Question: {example['instruction'][i]}\n ### Answer: {example['output'][i]}"
        output_texts.append(text)
    return output_texts
batch = {
    "instruction": ["What is 2+2?", "Name a colour.", "Translate 'chat' to English."],
    "output": ["4", "Blue", "cat"],
}
texts = formatting_prompts_func(batch)
print(len(texts))
for t in texts:
    print(t)
    print("---")
def format_one(example):
    return f"### Question: {example['instruction']}\n ### Answer: {example['output']}"
rows = [dict(zip(batch, values)) for values in zip(*batch.values())]
print(rows[0])
print([format_one(r) for r in rows] == texts)
response_template = " ### Answer:"
print([t.index(response_template) for t in texts])
