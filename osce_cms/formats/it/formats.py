# "17 febbraio 2016": no leading zero (Django's Italian default is "d F Y").
DATE_FORMAT = "j F Y"
