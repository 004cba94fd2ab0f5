"""Lead images for the demo newsroom, drawn with Pillow: abstract, varied, and small on disk."""

import io
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
# (name for the alternative text, background from, background to, accent)
PALETTES = [
    ("blue and gold", (11, 58, 102), (40, 110, 170), (255, 191, 71)),
    ("teal and white", (0, 92, 99), (40, 150, 150), (245, 248, 250)),
    ("green and sand", (32, 86, 52), (96, 150, 90), (230, 210, 160)),
    ("plum and coral", (74, 35, 90), (140, 70, 130), (250, 140, 120)),
    ("slate and orange", (40, 48, 60), (95, 110, 130), (240, 130, 40)),
    ("navy and sky", (7, 39, 68), (20, 90, 150), (150, 200, 240)),
    ("brick and cream", (120, 40, 30), (180, 90, 60), (250, 235, 210)),
    ("olive and lime", (70, 80, 30), (130, 150, 60), (210, 240, 120)),
]
SHAPES = ["circles", "bands", "triangles", "grid"]


def draw(number):
    """The demo image ``number``: JPEG bytes and its alternative text."""
    rng = random.Random(number)
    name, start, end, accent = PALETTES[number % len(PALETTES)]
    shape = SHAPES[(number // len(PALETTES)) % len(SHAPES)]
    image = Image.new("RGB", (WIDTH, HEIGHT))
    pixels = ImageDraw.Draw(image)
    for y in range(HEIGHT):  # a vertical gradient, one line at a time
        t = y / HEIGHT
        pixels.line(
            [(0, y), (WIDTH, y)],
            fill=tuple(round(a + (b - a) * t) for a, b in zip(start, end, strict=True)),
        )
    overlay = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    shapes = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(5, 9)):
        alpha = rng.randint(60, 150)
        colour = (*accent, alpha)
        x, y = rng.randint(-100, WIDTH), rng.randint(-100, HEIGHT)
        size = rng.randint(80, 360)
        if shape == "circles":
            shapes.ellipse([x, y, x + size, y + size], fill=colour)
        elif shape == "bands":
            shapes.polygon(
                [(x, 0), (x + size, 0), (x + size - 300, HEIGHT), (x - 300, HEIGHT)], fill=colour
            )
        elif shape == "triangles":
            shapes.polygon([(x, y), (x + size, y + size // 2), (x, y + size)], fill=colour)
        else:
            shapes.rectangle([x, y, x + size, y + size // 3], fill=colour)
    image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=80)
    return output.getvalue(), f"Abstract illustration of {shape} in {name}"
