"""Hostile uploads: refused with a clear error, never fully decoded, and the site keeps serving."""

import io
import os
import struct
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from press.models import PressRelease

ADD_URL = "/admin/press/pressrelease/add/"


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A few hundred bytes whose header claims ``width`` x ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def encoded(image_format="JPEG", size=(64, 48), **options):
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, format=image_format, **options)
    return output.getvalue()


def animated_gif(frames, size=(2, 2)):
    # Alternate colours: Pillow merges identical consecutive frames.
    images = [Image.new("L", size, (n % 2) * 255) for n in range(frames)]
    output = io.BytesIO()
    images[0].save(output, format="GIF", save_all=True, append_images=images[1:], duration=10)
    return output.getvalue()


SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
GIF_POLYGLOT = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(1);<script>alert(2)</script>"

REFUSED = {
    "bomb-50000x50000.png": (png_claiming(50_000, 50_000), "too large"),
    "svg-as.jpg": (SVG, "JPEG, PNG, WebP or GIF"),
    "html-as.png": (HTML, "JPEG, PNG, WebP or GIF"),
    "polyglot.gif": (GIF_POLYGLOT, ""),
    "truncated.jpg": (encoded("JPEG", (400, 300))[:700], "damaged"),
    "empty.png": (b"", ""),
    "bmp.png": (encoded("BMP"), "JPEG, PNG, WebP or GIF"),
    "thousands-of-frames.gif": (animated_gif(2000), "frames"),
}


def post_image(client, data, name, content, content_type="image/jpeg"):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(ADD_URL, {**data, "lead_image": upload})


# Django's ImageField refuses some files before our validator sees them, with its own message.
GENERIC = "Upload a valid image"


def lead_image_errors(response):
    form = response.context["adminform"].form
    return " ".join(form.errors.get("lead_image", []))


def test_a_good_image_is_accepted_as_a_control(admin_client, release_form):
    response = post_image(admin_client, release_form, "photo.jpg", encoded())
    assert response.status_code == 302, (
        response.context and response.context["adminform"].form.errors
    )
    release = PressRelease.objects.get(slug="upload-test")
    assert release.lead_image.name.endswith(".jpg")


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_images_are_refused_with_a_clear_error(admin_client, release_form, name):
    content, message = REFUSED[name]
    tracemalloc.start()
    try:
        response = post_image(admin_client, release_form, name, content)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    errors = lead_image_errors(response)
    assert errors and (message in errors or GENERIC in errors), errors
    assert not PressRelease.objects.filter(slug="upload-test").exists()
    assert peak < 40 * 1024 * 1024, f"peak memory {peak / 1e6:.1f} MB while refusing {name}"
    assert admin_client.get("/").status_code == 200


def test_a_file_over_the_byte_limit_is_refused(admin_client, release_form, settings):
    settings.IMAGE_MAX_BYTES = 10_000
    noise = Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3))
    output = io.BytesIO()
    noise.save(output, format="PNG")
    assert len(output.getvalue()) > 10_000
    response = post_image(admin_client, release_form, "big.png", output.getvalue())
    assert response.status_code == 200
    assert "may be at most" in lead_image_errors(response)


def test_an_animated_gif_polyglot_is_stored_without_its_payload(admin_client, release_form):
    content = animated_gif(3) + b"<script>alert(1)</script><html>"
    response = post_image(admin_client, release_form, "anim.gif", content, "image/gif")
    if response.status_code == 200:
        assert lead_image_errors(response)
        return
    release = PressRelease.objects.get(slug="upload-test")
    with release.lead_image.open("rb") as stored:
        data = stored.read()
    assert b"<script" not in data
    assert Image.open(io.BytesIO(data)).n_frames == 3


def test_an_animation_over_the_pixel_limit_in_total_is_refused(
    admin_client, release_form, settings
):
    settings.IMAGE_MAX_PIXELS = 100_000
    content = animated_gif(30, size=(100, 100))  # 10,000 pixels a frame, 300,000 in all
    response = post_image(admin_client, release_form, "long.gif", content, "image/gif")
    assert response.status_code == 200
    assert "too large" in lead_image_errors(response)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd.jpg",
        "..\\..\\boot.ini.jpg",
        "a" * 300 + ".jpg",
        "nul\x00byte.jpg",
        "фото 😀 <script>.jpg",
        ".htaccess.jpg",
        "photo.php.jpg",
    ],
)
def test_hostile_file_names_are_sanitised(admin_client, release_form, name, settings):
    response = post_image(admin_client, release_form, name, encoded())
    if response.status_code == 200:  # refused with a clear error rather than sanitised
        assert "characters" in lead_image_errors(response)
        return
    assert response.status_code == 302
    stored = PressRelease.objects.get(slug="upload-test").lead_image
    assert stored.name.startswith("press/images/")
    basename = stored.name.rsplit("/", 1)[-1]
    assert ".." not in stored.name and "\\" not in stored.name and "\x00" not in stored.name
    assert "<" not in basename and " " not in basename
    assert basename.endswith(".jpg") and ".php" not in basename
    assert len(stored.name) <= 100
    path = (settings.MEDIA_ROOT / stored.name).resolve()
    assert path.is_relative_to(settings.MEDIA_ROOT.resolve()) and path.exists()


def test_too_many_files_in_one_request_is_a_400(admin_client, release_form, settings):
    files = {
        f"attachments-{n}-file": SimpleUploadedFile(f"f{n}.pdf", b"%PDF-1.4\n%%EOF\n")
        for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 5)
    }
    response = admin_client.post(ADD_URL, {**release_form, **files})
    assert response.status_code == 400
    assert admin_client.get("/").status_code == 200


def test_a_body_over_the_upload_limit_is_a_400_not_a_500(admin_client, release_form, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = admin_client.post(ADD_URL, {**release_form, "body": "x" * 5000})
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls_media")
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("photo.jpg", encoded(), "image/jpeg"), ("photo.png", encoded("PNG"), "image/png")],
)
def test_media_is_served_with_its_type_and_nosniff(client, settings, name, content, content_type):
    """Development media serving; in production the web server or bucket serves media and must
    send the same headers (see README, "Security")."""
    folder = settings.MEDIA_ROOT / "press" / "images"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    response = client.get(f"/media/press/images/{name}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/../settings.py").status_code in {400, 404}


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls_media")
@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        ("report.pdf", "application/pdf", 'attachment; filename="report.pdf"'),
        ("photo.gif", "image/gif", 'inline; filename="photo.gif"'),
    ],
)
def test_media_are_served_with_the_projects_type_and_disposition_in_a_sandbox(
    client, settings, name, content_type, disposition
):
    folder = settings.MEDIA_ROOT / "press"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"<html><script>alert(1)</script></html>")

    response = client.get(f"/media/press/{name}")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == content_type
    assert response.headers["Content-Disposition"] == disposition
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Security-Policy"].startswith("sandbox")


@pytest.mark.django_db
@pytest.mark.urls("tests.security.urls_media")
@pytest.mark.parametrize("name", ["report.html", "report.svg", "report", "report.PDF.html"])
def test_files_of_other_types_in_media_are_never_served(client, settings, name):
    # Stored by hand or by an old version: the project never stores these names itself.
    folder = settings.MEDIA_ROOT / "press"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(b"<html><script>alert(1)</script></html>")

    assert client.get(f"/media/press/{name}").status_code == 404


def test_the_bucket_stores_each_object_with_the_projects_headers():
    from osce_cms.storage import MediaS3Storage

    storage = MediaS3Storage(bucket_name="media")

    assert storage.get_object_parameters("press/documents/2026/12/report.pdf") == {
        "ContentType": "application/pdf",
        "ContentDisposition": 'attachment; filename="report.pdf"',
    }
    assert storage.get_object_parameters("press/images/a.jpg")["ContentType"] == "image/jpeg"
