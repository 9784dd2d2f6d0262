"""Content part 'glossary'. (To come.)"""


def load(context, log):
    return 0
