"""Content part 'home_links'. (To come.)"""


def load(context, log):
    return 0
