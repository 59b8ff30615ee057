#!/usr/bin/env python3
"""No widget owns a thread, a job's thread pool or the project's work (issue #15).

Work off the GUI thread belongs to core: the engine (paintings, exports), the background pool (model
scans, display scaling) and the application's download line (core/hub/downloads.h). This check fails
when a file under ui/ starts or holds a thread of its own (QThread, std::thread, std::async,
QThreadPool, QtConcurrent), naming the file and line.
Usage: check_widgets_own_no_threads.py SOURCE_ROOT
"""
import os
import re
import sys

THREADS = re.compile(r"\b(QThread\b(?!::(currentThread|sleep|msleep|usleep|idealThreadCount))|std::thread\b|"
                     r"std::jthread\b|std::async\b|QThreadPool\b|QtConcurrent\b)")
COMMENT = re.compile(r"//.*$")


def problems(root):
    for dirpath, _, names in os.walk(os.path.join(root, "ui")):
        for name in sorted(names):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as source:
                for number, line in enumerate(source, 1):
                    code = COMMENT.sub("", line)
                    if not code.lstrip().startswith("#include") and THREADS.search(code):
                        yield f"{os.path.relpath(path, root)}:{number}: {line.strip()}"


def main():
    root = sys.argv[1]
    # The check must be able to fail: it sees the engine's own thread in core.
    with open(os.path.join(root, "core/engine/engine.h"), encoding="utf-8") as engine:
        if not THREADS.search(engine.read()):
            print("self-check failed: no thread found in core/engine/engine.h; the pattern is broken")
            return 1
    found = list(problems(root))
    for problem in found:
        print(problem)
    if found:
        print(f"{len(found)} place(s) in ui/ hold a thread: ask core (engine, background pool, downloads) instead")
        return 1
    print("ui/ holds no thread")
    return 0


if __name__ == "__main__":
    sys.exit(main())
