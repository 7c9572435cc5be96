# os.walk over a small tree (sorted for determinism), os.path.getsize, os.rename, os.path.isfile after moves.
import os
root = "_golden_tmp_mod_os_walk"
for sub in ["a/b", "c"]:
    os.makedirs(os.path.join(root, sub), exist_ok=True)
files = {"a/one.txt": "1", "a/b/two.txt": "22", "c/three.txt": "333", "top.txt": ""}
for rel, content in files.items():
    with open(os.path.join(root, rel), "w") as f:
        f.write(content)
for dirpath, dirnames, filenames in sorted(os.walk(root)):
    print(dirpath.replace(os.sep, "/"), sorted(dirnames), sorted(filenames))
print([os.path.getsize(os.path.join(root, rel)) for rel in sorted(files)])
os.rename(os.path.join(root, "top.txt"), os.path.join(root, "c", "moved.txt"))
print(os.path.isfile(os.path.join(root, "top.txt")), sorted(os.listdir(os.path.join(root, "c"))))
for dirpath, dirnames, filenames in sorted(os.walk(root), reverse=True):
    for name in filenames:
        os.remove(os.path.join(dirpath, name))
    os.rmdir(dirpath)
print(os.path.exists(root))
