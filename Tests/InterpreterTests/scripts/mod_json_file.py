# json.dump / json.load round trip through a file; JSON Lines by hand.
import json
import os
path = "_golden_tmp_mod_json_file.json"
config = {"model": "gpt2", "lr": 2e-05, "layers": [0, 1], "name": "ünï"}
with open(path, "w", encoding="utf-8") as f:
    json.dump(config, f, indent=2, ensure_ascii=False)
with open(path, encoding="utf-8") as f:
    print(f.read())
with open(path, encoding="utf-8") as f:
    loaded = json.load(f)
print(loaded == config, loaded["lr"], loaded["name"])
os.remove(path)
jl = "_golden_tmp_mod_json_file.jsonl"
with open(jl, "w") as f:
    for i in range(3):
        f.write(json.dumps({"id": i, "text": f"row {i}"}) + "\n")
with open(jl) as f:
    rows = [json.loads(line) for line in f if line.strip()]
print(rows)
os.remove(jl)
print(os.path.exists(path), os.path.exists(jl))
