"""Content part 'contacts'. (To come.)"""


def load(context, log):
    return 0
