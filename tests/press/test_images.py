import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image, PngImagePlugin

from press.images import make_renditions, validate_image

from .conftest import image_bytes, upload


@pytest.mark.parametrize(
    "image_format, name",
    [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")],
)
def test_accepted_formats_are_accepted(image_format, name):
    cleaned = validate_image(upload(image_bytes(image_format), name=name))
    assert Image.open(io.BytesIO(cleaned.read())).format == image_format


def _assert_refused(data, name, code, settings=None):
    with pytest.raises(ValidationError) as error:
        validate_image(upload(data, name=name))
    assert error.value.code == code
    assert str(error.value.messages[0])


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    _assert_refused(svg, "logo.svg", "invalid_image_format")


def test_text_disguised_as_jpeg_is_refused():
    _assert_refused(b"<html><body>hello</body></html>" * 10, "photo.jpg", "invalid_image_format")


def test_other_image_formats_are_refused():
    output = io.BytesIO()
    Image.new("RGB", (10, 10)).save(output, format="BMP")
    _assert_refused(output.getvalue(), "photo.bmp", "invalid_image_format")


def test_truncated_image_is_refused():
    data = image_bytes("JPEG", size=(400, 300))
    _assert_refused(data[: len(data) // 2], "photo.jpg", "corrupt_image")


def test_corrupt_image_is_refused():
    data = bytearray(image_bytes("PNG", size=(100, 100)))
    data[60:90] = b"\x00" * 30
    _assert_refused(bytes(data), "photo.png", "corrupt_image")


def test_oversized_file_is_refused(settings):
    settings.IMAGE_MAX_BYTES = 1000
    _assert_refused(
        image_bytes("PNG", size=(300, 300), color=(1, 2, 3)) + b"\0" * 2000,
        "a.png",
        "file_too_large",
    )


def _png_header_claiming(width, height):
    """A tiny PNG whose header claims ``width`` x ``height`` (a decompression bomb)."""

    def chunk(kind, payload):
        return (
            struct.pack(">I", len(payload))
            + kind
            + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def test_tiny_file_claiming_huge_dimensions_is_refused_without_decoding():
    data = _png_header_claiming(50_000, 50_000)
    assert len(data) < 200
    _assert_refused(data, "bomb.png", "too_many_pixels")


def test_image_over_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    _assert_refused(image_bytes("PNG", size=(200, 200)), "big.png", "too_many_pixels")


def test_animation_with_too_many_frames_is_refused():
    frames = [Image.new("RGB", (4, 4), (color, 255 - color, color // 2)) for color in range(150)]
    output = io.BytesIO()
    frames[0].save(output, format="GIF", save_all=True, append_images=frames[1:], duration=10)
    _assert_refused(output.getvalue(), "anim.gif", "too_many_frames")


def _jpeg_with_exif(size=(60, 40), orientation=6):
    image = Image.new("RGB", size, (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "SecretCamera"
    gps = {1: "N", 2: (48.0, 12.0, 30.0), 3: "E", 4: (16.0, 22.0, 10.0)}
    exif[0x8825] = gps
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif)
    return output.getvalue()


def test_uploaded_original_is_upright_and_without_exif():
    cleaned = validate_image(upload(_jpeg_with_exif(), name="../../etc/Holiday photo.JPG"))
    image = Image.open(io.BytesIO(cleaned.read()))
    assert image.size == (40, 60)
    assert not image.getexif()
    assert cleaned.name == "holiday-photo.jpg"


def test_renditions_are_webp_and_fallback_without_metadata(settings, tmp_path):
    name = default_storage.save(
        "press/images/test.jpg", io.BytesIO(_jpeg_with_exif((2000, 1000), 1))
    )
    from django.db.models.fields.files import FieldFile

    from press.models import PressRelease

    field_file = FieldFile(None, PressRelease._meta.get_field("lead_image"), name)
    record = make_renditions(field_file)
    assert [item[0] for item in record["webp"]] == [480, 800, 1200, 1600]
    assert [item[0] for item in record["fallback"]] == [480, 800, 1200, 1600]
    assert record["fallback_type"] == "image/jpeg"
    for width, height, stored in record["webp"] + record["fallback"]:
        with default_storage.open(stored) as handle:
            image = Image.open(handle)
            assert image.size == (width, height)
            assert not image.getexif()
            assert image.format in {"WEBP", "JPEG"}


def test_renditions_never_exceed_the_original_width():
    name = default_storage.save(
        "press/images/small.png", io.BytesIO(image_bytes("PNG", size=(600, 300)))
    )
    from django.db.models.fields.files import FieldFile

    from press.models import PressRelease

    record = make_renditions(FieldFile(None, PressRelease._meta.get_field("lead_image"), name))
    assert [item[0] for item in record["webp"]] == [480, 600]


HIDDEN = b"<script>alert(document.domain)</script> Safe house at 48.2082N 16.3738E"


def _with_hidden_text(image_format):
    output = io.BytesIO()
    if image_format == "animated GIF":
        frames = [Image.new("L", (40, 30), shade) for shade in (0, 120, 240)]
        frames[0].save(
            output, format="GIF", save_all=True, append_images=frames[1:], comment=HIDDEN
        )
    elif image_format == "PNG":
        text = PngImagePlugin.PngInfo()
        text.add_text("Comment", HIDDEN.decode())
        text.add_itxt("XML:com.adobe.xmp", HIDDEN.decode())
        Image.new("RGB", (40, 30)).save(output, format="PNG", pnginfo=text)
    else:
        Image.new("RGB", (40, 30)).save(output, format=image_format, comment=HIDDEN)
    data = output.getvalue()
    assert b"Safe house" in data
    return data


@pytest.mark.parametrize("image_format", ["GIF", "animated GIF", "JPEG", "PNG"])
def test_comments_and_text_survive_neither_the_upload_nor_the_renditions(image_format):
    from django.db.models.fields.files import FieldFile

    from press.models import PressRelease

    cleaned = validate_image(upload(_with_hidden_text(image_format), name="photo"))
    stored = default_storage.save(f"press/images/{cleaned.name}", cleaned)
    record = make_renditions(FieldFile(None, PressRelease._meta.get_field("lead_image"), stored))

    for name in [stored] + [item[2] for item in record["webp"] + record["fallback"]]:
        with default_storage.open(name) as handle:
            data = handle.read()
        assert b"Safe house" not in data and b"<script" not in data, name
        assert "comment" not in Image.open(io.BytesIO(data)).info, name
