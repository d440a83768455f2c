"""Copying a rubric: a new one with the same scale, criteria and descriptors, free to change
(e.g. to change a scored rubric for a new round)."""


def copy_rubric(rubric, name):
    """A new rubric with the same scale, criteria and descriptors, free to change."""
    copy, _child_map = rubric.copy_cluster()
    copy.name = name
    copy.save()
    return copy
