"""Record invariants as editors meet them: database constraint failures become field errors in plain words."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintMessages:
    """Model mixin: a CheckConstraint that fails is reported on the field an editor changes, in plain words.

    `constraint_messages` maps a constraint's name to (field name, lazily translated message); Django's own
    message ("Constraint “incident_end_after_start” is violated.") attached to no field is replaced by it. A
    constraint not in the map keeps Django's behaviour. The model's clean() usually catches the same problem
    first with a more specific message; Django then skips the constraints on that field.
    """

    constraint_messages = {}

    def validate_constraints(self, exclude=None):
        """As Model.validate_constraints, with the errors of mapped constraints moved to their field.

        Raises ValidationError({field: [errors]}); unmapped failures stay under NON_FIELD_ERRORS (or the
        field of a one-field unique constraint, as Django does)."""
        errors = {}
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude)
                except ValidationError as error:
                    if constraint.name in self.constraint_messages:
                        field, message = self.constraint_messages[constraint.name]
                        errors.setdefault(field or NON_FIELD_ERRORS, []).append(
                            ValidationError(message, code=constraint.name)
                        )
                    elif getattr(error, "code", None) == "unique" and len(getattr(constraint, "fields", ())) == 1:
                        errors.setdefault(constraint.fields[0], []).append(error)
                    else:
                        errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


def collect(checks):
    """Run `checks` (an iterable of (field name, message or None)) and raise one ValidationError naming every
    field with a message; return quietly when none has one. For a model's clean()."""
    errors = {}
    for field, message in checks:
        if message:
            errors.setdefault(field, []).append(ValidationError(message))
    if errors:
        raise ValidationError(errors)
