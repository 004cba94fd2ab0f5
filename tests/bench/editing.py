"""The cached newsroom while an editor saves a draft every 2 s (issue 11).

A draft nobody outside can see must not make the page cache cold: the newsroom's p99 with an
editor at work stays within ``MAX_RATIO`` of its p99 without one. The editor saves through the
engine (``editorial.workflow.save_edit`` and a revision, as the admin does) from a thread of
the bench process, against the same database as the served site.
"""

import threading

MAX_RATIO = 1.5
EDIT_EVERY_SECONDS = 2.0


def _draft_and_editor():
    from django.contrib.auth import get_user_model

    from editorial import workflow
    from press.models import PressRelease
    from taxonomy.models import Structure

    editor = get_user_model().objects.get(username="bench-admin")
    draft = PressRelease.objects.filter(slug="bench-draft").first()
    if draft is None:
        draft = PressRelease(
            title="Bench draft",
            slug="bench-draft",
            lead="Saved again and again while the newsroom is measured.",
            source=Structure.objects.get(slug="secretariat"),
        )
        workflow.save_new(draft, editor)
    return draft, editor


class Editor(threading.Thread):
    """Saves the bench draft every ``EDIT_EVERY_SECONDS`` until stopped."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopped = threading.Event()
        self.saves = 0

    def run(self):
        from django.db import connection, transaction

        from editorial import revisions, workflow

        try:
            while not self.stopped.wait(EDIT_EVERY_SECONDS):
                draft, editor = _draft_and_editor()
                draft.lead = f"Saved {self.saves + 1} times while the newsroom is measured."
                with transaction.atomic():
                    workflow.save_edit(draft, editor, expected_version=draft.version)
                    revisions.record_revision(draft, editor, "Bench edit")
                self.saves += 1
        finally:
            connection.close()


def bench_newsroom_with_editor(env, run_wrk, seconds, connections, gunicorn, fetch, port):
    """(row without edits, row with edits, saves, generations) for the cached newsroom."""
    from django.db import connection

    from osce_cms.models import ContentGeneration

    def generation():
        return ContentGeneration.objects.values_list("value", flat=True).first()

    env = {**env, "PAGE_CACHE_ENABLED": "1"}
    _draft_and_editor()
    connection.close()
    with gunicorn(env, port) as (_server, base):
        url = base + "/press-releases/"
        for _ in range(8):
            fetch(url, timeout=900)
        quiet = run_wrk(url, seconds, connections)
        before = generation()
        editor = Editor()
        editor.start()
        try:
            busy = run_wrk(url, seconds, connections)
        finally:
            editor.stopped.set()
            editor.join()
        after = generation()
        connection.close()
    return quiet, busy, editor.saves, (before, after)


def render(quiet, busy, saves, generations, connections):
    ratio = busy["p99"] / quiet["p99"] if quiet["p99"] and busy["p99"] else None
    verdict = "–" if ratio is None else f"{ratio:.2f}× {'✓' if ratio <= MAX_RATIO else '✗'}"
    return [
        "",
        f"Cached newsroom, {connections} connections, with an editor saving a draft every "
        f"{EDIT_EVERY_SECONDS:.0f} s ({saves} saves; content generation {generations[0]} → "
        f"{generations[1]}):",
        "",
        "| run | req/s | p50 ms | p99 ms |",
        "|---|---:|---:|---:|",
        f"| no edits | {quiet['rps']:.1f} | {quiet['p50']:.1f} | {quiet['p99']:.1f} |",
        f"| editor saving drafts | {busy['rps']:.1f} | {busy['p50']:.1f} | {busy['p99']:.1f} |",
        "",
        f"p99 with edits / without: {verdict} (target ≤ {MAX_RATIO}×).",
    ]
