# os: makedirs(exist_ok=True), listdir (sorted), remove, rmdir, getcwd basename, environ.get with default.
import os
root = "_golden_tmp_mod_os_fs"
os.makedirs(os.path.join(root, "sub", "deeper"), exist_ok=True)
os.makedirs(os.path.join(root, "sub"), exist_ok=True)
try:
    os.makedirs(root)
except FileExistsError as e:
    print("FileExistsError", type(e).__name__)
for name in ["b.txt", "a.txt", "c.json"]:
    with open(os.path.join(root, name), "w") as f:
        f.write(name)
print(sorted(os.listdir(root)))
print(sorted(n for n in os.listdir(root) if n.endswith(".txt")))
print(os.path.isdir(os.path.join(root, "sub")), os.path.isfile(os.path.join(root, "a.txt")))
for name in ["b.txt", "a.txt", "c.json"]:
    os.remove(os.path.join(root, name))
os.rmdir(os.path.join(root, "sub", "deeper"))
os.rmdir(os.path.join(root, "sub"))
os.rmdir(root)
print(os.path.exists(root))
print(os.environ.get("SFTNB_GOLDEN_SURELY_UNSET", "default-value"))
print(os.getenv("SFTNB_GOLDEN_SURELY_UNSET") is None, "PATH" in os.environ, isinstance(os.environ.get("PATH", ""), str))
print(isinstance(os.getcwd(), str))
