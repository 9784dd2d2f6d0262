"""The guidance pages. (Content to come.)"""


def load(context, log):
    return 0
