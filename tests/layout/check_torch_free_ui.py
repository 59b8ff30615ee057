#!/usr/bin/env python3
"""The windows and the command-line tool never see libtorch (issue #16, item 4).

Follows every project #include from ui/ and app/ (the benchmark tools in app/bench/ excepted) through
the headers of core/ and fails when one reaches a libtorch header (torch/, ATen/, c10/, caffe2/), naming
the chain. ui/ and the GUI's main also may not include core/diffusion/ at all: they ask core/catalog/.
Usage: check_torch_free_ui.py SOURCE_ROOT
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.MULTILINE)
TORCH = re.compile(r"^(torch|ATen|c10|caffe2)/")


def sources(root, folders):
    for folder in folders:
        for dirpath, _, names in os.walk(os.path.join(root, folder)):
            for name in names:
                if name.endswith((".h", ".cpp")):
                    yield os.path.relpath(os.path.join(dirpath, name), root)


class IncludeGraph:
    def __init__(self, root):
        self.root = root
        self.memo = {}

    def includes(self, path):
        with open(os.path.join(self.root, path), encoding="utf-8") as f:
            return INCLUDE.findall(f.read())

    def project_file(self, name):
        # The project includes by path from the source root ("core/...", "ui/...").
        return name if os.path.isfile(os.path.join(self.root, name)) else None

    def torch_chain(self, path, visiting=()):
        """The include chain from path to a libtorch header, or None."""
        if path in self.memo:
            return self.memo[path]
        if path in visiting:
            return None
        chain = None
        for name in self.includes(path):
            if TORCH.match(name):
                chain = [path, name]
                break
            found = self.project_file(name)
            if found:
                below = self.torch_chain(found, visiting + (path,))
                if below:
                    chain = [path] + below
                    break
        self.memo[path] = chain
        return chain


def main():
    root = sys.argv[1]
    graph = IncludeGraph(root)
    # The scan must see torch where it is, or a broken resolver would pass everything.
    for known in ("core/diffusion/loading/weights.h", "core/diffusion/models/unet.h"):
        if not graph.torch_chain(known):
            print(f"self-check failed: {known} should reach libtorch")
            return 2
    problems = []
    for path in sorted(sources(root, ["ui", "app"])):
        if path.startswith("app/bench/"):
            continue
        chain = graph.torch_chain(path)
        if chain:
            problems.append(f"{path} reaches libtorch: {' -> '.join(chain)}")
        if path.startswith("ui/") or path == "app/gui_main.cpp":
            for name in graph.includes(path):
                if name.startswith("core/diffusion/"):
                    problems.append(f"{path} includes {name}: the windows ask core/catalog/ instead")
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
