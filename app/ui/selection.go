package ui

// Selection is the set of highlighted entities. Each keeps the palette slot it was given when selected
// until it is deselected, so colours never shift under the reader; a new entity takes the lowest free
// slot. Beyond len(Palette) entities slots keep counting and colours repeat with another line style.
type Selection struct {
	slots []string // slot number → entity ID, "" for a free slot
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
func (s Selection) Len() int {
	n := 0
	for _, v := range s.slots {
		if v != "" {
			n++
		}
	}
	return n
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

// With returns the selection with id added (unchanged if it is already in).
func (s Selection) With(id string) Selection {
	if id == "" || s.Has(id) {
		return s
	}
	slots := append([]string(nil), s.slots...)
	for i, v := range slots {
		if v == "" {
			slots[i] = id
			return Selection{slots: slots}
		}
	}
	return Selection{slots: append(slots, id)}
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
	return Selection{slots: slots}
}

// Toggle returns the selection with id added if it was not in, removed if it was.
func (s Selection) Toggle(id string) Selection {
	if s.Has(id) {
		return s.Without(id)
	}
	return s.With(id)
}

// SelectionOf returns the selection with the given entity IDs in their slots ("" for a free slot). An
// ID given twice keeps its first slot.
func SelectionOf(slots []string) Selection {
	out := make([]string, len(slots))
	for i, id := range slots {
		if id != "" && !contains(out[:i], id) {
			out[i] = id
		}
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) == 0 {
		return Selection{}
	}
	return Selection{slots: out}
}

// Slots returns the selected entity IDs by slot, "" for a free slot.
func (s Selection) Slots() []string { return append([]string(nil), s.slots...) }

// Last returns the selected entity in the highest slot, or "".
func (s Selection) Last() string {
	if len(s.slots) == 0 {
		return ""
	}
	return s.slots[len(s.slots)-1] // Without trims free slots at the end
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
