# os.path: join, basename, dirname, splitext, split, exists, isdir/isfile, abspath-free checks.
import os
import os.path
print(os.path.join("a", "b", "c.txt"), os.path.join("a/", "b"), os.path.join("a", "/abs", "x"), os.path.join("", "x"))
p = "data/train/shard-001.jsonl"
print(os.path.basename(p), os.path.dirname(p), os.path.splitext(p), os.path.split(p))
print(os.path.splitext("archive.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("noext"))
print(repr(os.path.basename("dir/")), repr(os.path.dirname("file")), repr(os.path.basename("/")))
print(os.path.exists("mod_os_path.py"), os.path.exists("_golden_tmp_nope"), os.path.isfile("mod_os_path.py"), os.path.isdir("."))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.normpath("a/./b/../c"), os.sep)
print(os.path.join(*["x", "y", "z"]), os.path.splitext(os.path.basename(p))[0])
