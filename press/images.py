"""Lead images: validation by decoding with Pillow, metadata stripping and renditions.

Nothing is decoded before the header says the image is of an accepted format, within the
pixel limit and frame limit, so a decompression bomb is refused without being expanded.
"""

import io
import warnings
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_WIDTHS = (480, 800, 1200, 1600)
MAX_FRAMES = 100
WEBP_QUALITY = 80
JPEG_QUALITY = 85


def _max_pixels():
    return settings.IMAGE_MAX_PIXELS


def _open(data):
    """Open ``data`` lazily (header only), turning Pillow's bomb warning into an error."""
    Image.MAX_IMAGE_PIXELS = _max_pixels()
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(io.BytesIO(data))


def validate_image(upload):
    """Check an uploaded file and return it re-encoded without metadata, upright.

    Raises ``ValidationError`` with a message for the press officer when the file is not a
    JPEG, PNG, WebP or GIF image, is too large in bytes, pixels or frames, or is damaged.
    """
    if upload.size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; images may be at most %(limit)s."),
            code="file_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.IMAGE_MAX_BYTES),
            },
        )
    upload.seek(0)
    data = upload.read()
    try:
        image = _open(data)
        if image.format not in ACCEPTED_FORMATS:
            raise _not_an_image()
        _check_dimensions(image)
        _check_frames(image)
        _open(data).verify()
        image = _open(data)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except UnidentifiedImageError as error:
        raise _not_an_image() from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete. Please upload it again."),
            code="corrupt_image",
        ) from error
    return _clean_copy(image, data, upload.name)


def _not_an_image():
    return ValidationError(
        _("Upload a JPEG, PNG, WebP or GIF image. Other formats (such as SVG) are not accepted."),
        code="invalid_image_format",
    )


def _too_many_pixels():
    return ValidationError(
        _("The image is too large: at most %(limit)s million pixels are accepted."),
        code="too_many_pixels",
        params={"limit": round(_max_pixels() / 1_000_000, 1)},
    )


def _check_dimensions(image):
    width, height = image.size
    if width < 1 or height < 1:
        raise ValidationError(_("The image has no pixels."), code="corrupt_image")
    if width * height > _max_pixels():
        raise _too_many_pixels()


def _check_frames(image):
    # Counting frames reads frame headers only; no frame is decoded.
    frames = getattr(image, "n_frames", 1)
    if frames > MAX_FRAMES:
        raise ValidationError(
            _("The animation has %(frames)s frames; at most %(limit)s are accepted."),
            code="too_many_frames",
            params={"frames": frames, "limit": MAX_FRAMES},
        )
    # Every frame is decoded when an animation is re-encoded: the pixel limit covers them all.
    if frames > 1 and image.size[0] * image.size[1] * frames > _max_pixels():
        raise _too_many_pixels()


# What a re-encoded image keeps of the original's info: how to draw it, nothing about it. EXIF
# (camera, GPS), XMP, ICC descriptions, comments (GIF and JPEG comment blocks can hold HTML or a
# location) and PNG text chunks are all left behind.
DRAWING_INFO = {"transparency", "duration", "loop", "background", "disposal"}


def without_metadata(image):
    """A copy of one frame of ``image``: its pixels and how to draw them, no metadata."""
    copy = image.copy()
    copy.info = {key: value for key, value in image.info.items() if key in DRAWING_INFO}
    return copy


def _clean_copy(image, data, name):
    """Re-encode the image upright and without any metadata or comment, under a safe name."""
    image_format = image.format
    stem = slugify(PurePath(name or "").stem)[:80] or "image"
    filename = f"{stem}.{ACCEPTED_FORMATS[image_format]}"
    output = io.BytesIO()
    if image_format == "GIF" and getattr(image, "n_frames", 1) > 1:
        # Re-encoded frame by frame: bytes hidden after or between frames (a GIF/HTML polyglot)
        # are dropped, and so is every comment block.
        frames = [without_metadata(frame) for frame in ImageSequence.Iterator(image)]
        options = {"loop": image.info["loop"]} if "loop" in image.info else {}
        frames[0].save(
            output,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            duration=[frame.info.get("duration", 100) for frame in frames],
            comment=b"",
            **options,
        )
    else:
        upright = without_metadata(ImageOps.exif_transpose(image))
        options = {"quality": 90} if image_format in {"JPEG", "WEBP"} else {}
        if image_format == "JPEG" and upright.mode not in {"RGB", "L", "CMYK"}:
            upright = upright.convert("RGB")
        upright.save(output, format=image_format, **options)
    return ContentFile(output.getvalue(), name=filename)


def _rendition_widths(original_width):
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    if original_width <= RENDITION_WIDTHS[-1]:
        widths.append(original_width)
    return widths or [RENDITION_WIDTHS[-1]]


def make_renditions(field_file):
    """Write resized WebP and JPEG/PNG copies of ``field_file`` to the default storage.

    Returns the record kept in ``PressRelease.lead_image_renditions``:
    ``{"width", "height", "fallback_type", "webp": [[w, h, name]...], "fallback": [...]}``.
    """
    field_file.open("rb")
    try:
        with Image.open(field_file) as opened:
            image = without_metadata(ImageOps.exif_transpose(opened))
    finally:
        field_file.close()
    has_alpha = image.mode in {"RGBA", "LA", "P"} and (
        image.mode != "P" or "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    fallback_format, extension = ("PNG", "png") if has_alpha else ("JPEG", "jpg")
    stem = PurePath(field_file.name).with_suffix("").as_posix()
    record = {
        "width": image.width,
        "height": image.height,
        "fallback_type": f"image/{fallback_format.lower()}",
        "webp": [],
        "fallback": [],
    }
    for width in _rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = image if width == image.width else image.resize((width, height), Image.LANCZOS)
        for key, image_format, ext, options in (
            ("webp", "WEBP", "webp", {"quality": WEBP_QUALITY}),
            ("fallback", fallback_format, extension, {"quality": JPEG_QUALITY}),
        ):
            output = io.BytesIO()
            resized.save(output, format=image_format, **options)
            name = default_storage.save(f"{stem}-{width}w.{ext}", ContentFile(output.getvalue()))
            record[key].append([width, height, name])
    return record
