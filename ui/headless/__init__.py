"""Headless tools: render a graph to PNG/SVG, the selftest, and the README screenshots."""
