#!/usr/bin/env python3
"""Disassemble a C2-compiled method from -XX:+PrintAssembly output when no hsdis library decodes it.

Without a working hsdis, HotSpot prints the machine code as hex words; this turns the last (or the Nth from
last) "Compiled method (c2)" block back into bytes and runs objdump (binutils) on them.

  java --add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions \
       -XX:CompileCommand=print,gfpose.kernel.VectorGemm::tile4x2 -cp ... SomeMain > asm.txt
  python3 bench/tools/c2-disasm.py asm.txt [N] | grep -B20 -A20 vfmadd
"""
import re
import subprocess
import sys
import tempfile

text = open(sys.argv[1]).read()
which = int(sys.argv[2]) if len(sys.argv) > 2 else 1
blocks = text.split("Compiled method (c2)")
if len(blocks) < which + 1:
    sys.exit("no C2 block %d in %s" % (which, sys.argv[1]))
block = blocks[-which]
print("Compiled method (c2)" + block.splitlines()[0])
# JDK 17 prints [MachCode] ... [Stub Code]; later JDKs start at [Verified Entry Point]
for marker in ("[MachCode]", "[Verified Entry Point]"):
    if marker in block:
        block = block.split(marker, 1)[1]
        break
block = block.split("[Stub Code]")[0]
data, start = bytearray(), None
for line in block.splitlines():
    m = re.match(r"\s*0x([0-9a-f]+):\s+((?:[0-9a-f]{2,8}\s*\|?\s*)+)$", line)
    if not m:
        continue
    addr, words = int(m.group(1), 16), re.sub(r"[^0-9a-f]", "", m.group(2))
    if start is None:
        start = addr
    if addr < start + len(data):
        continue
    data += bytes(addr - start - len(data)) + bytes.fromhex(words)
if start is None:
    sys.exit("no machine code found (is hsdis decoding it already?)")
with tempfile.NamedTemporaryFile(suffix=".bin") as f:
    f.write(data)
    f.flush()
    out = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "-M", "intel",
                          "--adjust-vma=%#x" % start, f.name], capture_output=True, text=True, check=True)
    print(out.stdout)
