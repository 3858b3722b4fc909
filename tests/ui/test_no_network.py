"""Card text is shown as written: HTML, scripts, style sheets and remote images in a card never
turn into markup, and nothing is fetched from anywhere while a card is shown or previewed."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QToolTip

from pos_coach.cards.model import Card, Category
from pos_coach.ui.card_view import CardView
from pos_coach.ui.editor.preview import Preview
from pos_coach.ui.tiles import Tile


@pytest.fixture
def server():
    """A loopback web server that counts every request it gets."""
    hits: list[str] = []

    class Counting(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


def hostile_card(base: str) -> Card:
    bits = [
        f"<img src='{base}/img.png'>",
        f'<a href="{base}/link">link</a>',
        f"<script src='{base}/x.js'>alert(1)</script>",
        f"<style>@import url({base}/x.css);</style>",
        f"![pic]({base}/md.png)",
        f"<iframe src='{base}/frame'></iframe>",
        f'<div style="background:url({base}/bg.png)">x</div>',
    ]
    text = " ".join(bits)
    return Card(
        id="hostile",
        lang="en",
        title=f"<h1>Title</h1>{bits[0]}",
        category="everyday",
        summary=text,
        steps=tuple(bits[:3]),
        say=(text, "<b>bold</b> &amp; plain"),
        avoid=(bits[3],),
        wow=(bits[4],),
        escalate=bits[5],
        hotkey="F1",
    )


def test_hostile_card_text_is_shown_as_written_and_fetches_nothing(qtbot, qapp, server):
    base, hits = server
    card = hostile_card(base)
    category = Category("everyday", "Every day", "#1F4E8C")

    view = CardView()
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.show_card(card, category, lambda text: text)
    view.show_phrase(card.say[0], 1, 2, False)
    view.show()
    qtbot.waitExposed(view)
    view.grab()

    tile = Tile(card, category)
    qtbot.addWidget(tile)
    tile.resize(240, 92)
    tile.show()
    tile.grab()
    QToolTip.showText(tile.mapToGlobal(QPoint(5, 5)), tile.toolTip(), tile)

    preview = Preview()
    qtbot.addWidget(preview)
    preview.show_card(card, category, "Store 7", "Anna")
    preview.show()
    preview.grab()

    qtbot.wait(500)  # time enough for any request to arrive
    QToolTip.hideText()
    assert hits == []
    labels = [label for label in view.findChildren(QLabel) if label.text()]
    shown = {label.text() for label in labels}
    for written in (card.title, card.say[0], card.escalate, *card.steps, *card.avoid, *card.wow):
        assert any(written in text for text in shown), written  # every character as typed
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert tile.title.text() == card.title and tile.title.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;img" in tile.toolTip() and "<img" not in tile.toolTip()  # escaped, not markup
