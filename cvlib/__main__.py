"""Command line: ``cvlib student SRC DST``, ``cvlib book SRC OUT``, ``cvlib assignments SRC OUT``,
``cvlib glossary TERM``, ``cvlib data list|regenerate``.  The make targets (``make student``,
``make book``, ``make assignments``) call these with the project's environment."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cvlib", description="customer value workbook tools")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("student", help="write student copies of the notebooks")
    p.add_argument("src", help="folder of instructor notebooks (or one .ipynb)")
    p.add_argument("dst", help="output folder, e.g. build/student")
    b = sub.add_parser("book", help="write the student and instructor books (static HTML, offline)")
    b.add_argument("src", help="folder of instructor notebooks (or one .ipynb)")
    b.add_argument("out", help="output folder, e.g. build/book")
    b.add_argument("--vendor", default="build/vendor", help="where `make vendor` put the widget renderer")
    b.add_argument("--no-execute", action="store_true", help="use the outputs stored in the notebooks")
    a = sub.add_parser("assignments", help="write otter-grader assignments with local autograders")
    a.add_argument("src", help="folder of instructor notebooks (or one .ipynb)")
    a.add_argument("out", help="output folder, e.g. build/assignments")
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
    if args.command == "book":
        from .book import build_books

        for edition, pages in build_books(args.src, args.out, vendor=args.vendor,
                                          execute=not args.no_execute).items():
            print(f"{edition} book: {pages[0]} ({len(pages) - 1} notebooks)")
        print("post the student book; the instructor book holds every solution")
        return 0
    if args.command == "assignments":
        from .assignments import build_assignments

        for path in build_assignments(args.src, args.out):
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
