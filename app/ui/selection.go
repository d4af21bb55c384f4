package ui

// Selection is the set of highlighted entities, at most len(Palette) of them, so that no two share a
// colour. Each keeps the palette slot it was given when selected until it is deselected, so colours
// never shift under the reader; a new entity takes the lowest free slot. When every slot is taken, the
// entity selected longest ago leaves to make room (see Oldest), which the legend says beforehand.
type Selection struct {
	slots []string // slot number → entity ID, "" for a free slot
	order []string // the selected IDs, the one selected longest ago first
}

// Has reports whether id is selected.
func (s Selection) Has(id string) bool { return s.Slot(id) >= 0 }

// Slot returns the slot of id, or -1 when it is not selected.
func (s Selection) Slot(id string) int {
	if id == "" {
		return -1 // "" marks a free slot, never an entity
	}
	for i, v := range s.slots {
		if v == id {
			return i
		}
	}
	return -1
}

// Len returns how many entities are selected.
func (s Selection) Len() int { return len(s.order) }

// Full reports whether every colour is taken: selecting one more makes Oldest leave.
func (s Selection) Full() bool { return len(s.order) >= len(Palette) }

// Oldest returns the entity selected longest ago, or "".
func (s Selection) Oldest() string {
	if len(s.order) == 0 {
		return ""
	}
	return s.order[0]
}

// IDs returns the selected entity IDs in slot order.
func (s Selection) IDs() []string {
	var ids []string
	for _, v := range s.slots {
		if v != "" {
			ids = append(ids, v)
		}
	}
	return ids
}

// With returns the selection with id added (unchanged if it is already in). When the selection is
// Full, Oldest leaves first and id takes its colour.
func (s Selection) With(id string) Selection {
	if id == "" || s.Has(id) {
		return s
	}
	if s.Full() {
		s = s.Without(s.Oldest())
	}
	slots := append([]string(nil), s.slots...)
	order := append(append([]string(nil), s.order...), id)
	for i, v := range slots {
		if v == "" {
			slots[i] = id
			return Selection{slots: slots, order: order}
		}
	}
	return Selection{slots: append(slots, id), order: order}
}

// Without returns the selection with id removed.
func (s Selection) Without(id string) Selection {
	i := s.Slot(id)
	if i < 0 {
		return s
	}
	slots := append([]string(nil), s.slots...)
	slots[i] = ""
	for len(slots) > 0 && slots[len(slots)-1] == "" {
		slots = slots[:len(slots)-1]
	}
	order := make([]string, 0, len(s.order))
	for _, v := range s.order {
		if v != id {
			order = append(order, v)
		}
	}
	return Selection{slots: slots, order: order}
}

// Toggle returns the selection with id added if it was not in, removed if it was.
func (s Selection) Toggle(id string) Selection {
	if s.Has(id) {
		return s.Without(id)
	}
	return s.With(id)
}

// SelectionOf returns the selection with the given entity IDs in their slots ("" for a free slot),
// taken to have been selected in slot order. An ID given twice keeps its first slot; the IDs past the
// first len(Palette) are left out, and returned.
func SelectionOf(slots []string) (sel Selection, left []string) {
	out := make([]string, 0, len(slots))
	var order []string
	for _, id := range slots {
		switch {
		case id == "" || contains(order, id) || contains(left, id):
			out = append(out, "")
		case len(order) >= len(Palette):
			left = append(left, id)
		default:
			out = append(out, id)
			order = append(order, id)
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(order) == 0 {
		return Selection{}, left
	}
	return Selection{slots: out, order: order}, left
}

// Slots returns the selected entity IDs by slot, "" for a free slot.
func (s Selection) Slots() []string { return append([]string(nil), s.slots...) }

// Last returns the entity selected last, or "".
func (s Selection) Last() string {
	if len(s.order) == 0 {
		return ""
	}
	return s.order[len(s.order)-1]
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
