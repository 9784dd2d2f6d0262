"""Content part 'checker'. (To come.)"""


def load(context, log):
    return 0
