"""Web address endings (slugs) made from a name, so editors never have to type one."""

from django.utils.text import slugify


def unique_slug(instance, text, field_name="slug"):
    """A slug for `instance` made from `text`, unique among the rows of its model: 'sssen',
    then 'sssen-2', 'sssen-3'... Cut to the field's maximum length."""
    model = type(instance)
    max_length = model._meta.get_field(field_name).max_length or 50
    base = slugify(text)[:max_length].strip("-") or model._meta.model_name
    others = model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager.all()
    taken = set(others.filter(**{f"{field_name}__startswith": base}).values_list(field_name, flat=True))
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = base[: max_length - len(suffix)].rstrip("-") + suffix
        number += 1
    return slug


def fill_slug(instance, source_field="name", field_name="slug"):
    """Give an empty slug its value from the name; a slug the editor typed is kept."""
    if not getattr(instance, field_name) and getattr(instance, source_field):
        setattr(instance, field_name, unique_slug(instance, getattr(instance, source_field), field_name))


class SlugFromNameMixin:
    """For models with `name` and `slug`: an empty slug is filled from the name when the form is
    cleaned (so the editor sees it) and again on save (for rows made in code)."""

    def clean(self):
        super().clean()
        fill_slug(self)

    def save(self, *args, **kwargs):
        fill_slug(self)
        super().save(*args, **kwargs)
