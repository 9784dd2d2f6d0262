"""Content part 'editorial'. (To come.)"""


def load(context, log):
    return 0
