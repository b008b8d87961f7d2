"""Render the executed notebooks to reports/NN_name.html and reports/index.html (offline HTML)."""

from helpers.publish import render_reports

if __name__ == "__main__":
    for path in render_reports():
        print(f"wrote {path}")
