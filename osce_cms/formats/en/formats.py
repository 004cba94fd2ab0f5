# The Organization writes dates day first ("17 February 2016"), not Django's US default.
DATE_FORMAT = "j F Y"
