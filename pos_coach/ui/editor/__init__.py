"""The owner's card editor: a thin view over pos_coach.editing and pos_coach.cards.writer."""
