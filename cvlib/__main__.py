"""Command line: ``cvlib student SRC DST``, ``cvlib glossary TERM``, ``cvlib data list|regenerate``."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cvlib", description="customer value workbook tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("student", help="write student copies of the notebooks")
    p.add_argument("src", help="folder of instructor notebooks (or one .ipynb)")
    p.add_argument("dst", help="output folder, e.g. build/student")
    g = sub.add_parser("glossary", help="look up a term in English or Chinese")
    g.add_argument("term", nargs="+")
    d = sub.add_parser("data", help="list or regenerate the data sets")
    d.add_argument("action", choices=["list", "regenerate"])
    d.add_argument("names", nargs="*")
    args = parser.parse_args(argv)

    if args.command == "student":
        from .student import build_student_copies

        for path in build_student_copies(args.src, args.dst):
            print(f"wrote {path}")
        return 0
    if args.command == "glossary":
        from .glossary import lookup

        try:
            print(lookup(" ".join(args.term)))
        except KeyError as exc:
            print(exc.args[0], file=sys.stderr)
            return 1
        return 0
    from .datasets import _main

    return _main([args.action, *args.names])


if __name__ == "__main__":
    raise SystemExit(main())
