"""A django-formtools storage kept on the nomination itself.

The wizard's place and any input a step could not save yet (a "Back" or "Save and come back
later" with missing or invalid answers) live in the database row, not in the session: an
expired session, a log-in half-way or another device days later finds everything as it was.
Valid answers are saved into the nomination's own fields as each step is completed.
"""

import json

from formtools.wizard.storage.base import BaseStorage


class NominationStorage(BaseStorage):
    def __init__(self, prefix, request=None, file_storage=None):
        super().__init__(prefix, request, file_storage)
        self.nomination = request.wizard_nomination
        self._saved = json.dumps(self.nomination.wizard_state, sort_keys=True)
        if not self.nomination.wizard_state:
            self.init_data()

    def _get_data(self):
        return self.nomination.wizard_state

    def _set_data(self, value):
        self.nomination.wizard_state = value

    data = property(_get_data, _set_data)

    def set_step_data(self, step, cleaned_data):
        super().set_step_data(step, cleaned_data)
        step_data = self.data[self.step_data_key]
        step_data[step] = without_nul(step_data[step])

    def state_after(self, step, next_step):
        """The state this request will leave once `step` is saved and `next_step` shown, for
        the step's save to write in its own statement (drafts.save_step)."""
        state = json.loads(json.dumps(self.data))
        state[self.step_data_key][step] = {}
        state[self.step_files_key].setdefault(step, {})
        state[self.step_key] = next_step
        return state

    def saved_as(self, state):
        """`state` is in the database already: nothing to write unless it changes again."""
        self._saved = json.dumps(state, sort_keys=True)

    def update_response(self, response):
        super().update_response(response)
        current = json.dumps(self.nomination.wizard_state, sort_keys=True)
        if self.request.method == "GET" and _without_place(current) == _without_place(self._saved):
            # Only the place moved to the page asked for: its address says it; the place
            # kept is the step last sent (a query less on every page of the wizard).
            return
        if current != self._saved:
            type(self.nomination).objects.filter(pk=self.nomination.pk).update(
                wizard_state=self.nomination.wizard_state
            )
            self._saved = current


def _without_place(state_json):
    state = json.loads(state_json)
    if isinstance(state, dict):
        state.pop("step", None)
    return state


def without_nul(value):
    """Input kept as typed, less any NUL character: PostgreSQL cannot store NUL in JSON. The step
    shows the rest again, and its form refuses other control characters when it is sent."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {without_nul(key): without_nul(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [without_nul(item) for item in value]
    return value
