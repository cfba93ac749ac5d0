package main

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/transcheck/transcheck"
)

// TestCheckWorkersAgree runs the checker with one worker and with several
// on the same written items: the results must be identical and in item
// order (run with -race to check the sharing).
func TestCheckWorkersAgree(t *testing.T) {
	c, err := transcheck.New(transcheck.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"Officials in Kharkov said two people were hurt.",
		"Rockets fell on Charkiw before dawn, the mayor said.",
		"The Odeon on the high street will close in June.",
		"Shells hit the city of Nikolaev overnight, the governor said.",
		"Coast guard boats patrolled the waters around Kinmen.",
	}
	var items []Item
	for i, text := range texts {
		items = append(items, Item{ID: strings.Repeat("x", i+1), Text: text})
	}
	one, err := check(context.Background(), c, items, 1)
	if err != nil {
		t.Fatal(err)
	}
	many, err := check(context.Background(), c, items, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(one, many) {
		t.Error("results differ between one worker and four")
	}
	for i, r := range many {
		if r.Item.ID != items[i].ID {
			t.Errorf("result %d is for item %s", i, r.Item.ID)
		}
	}
	if len(one[0].Findings) == 0 {
		t.Error("no finding on Kharkov")
	}
}

func FuzzReadItems(f *testing.F) {
	f.Add(`{"id":"x","kind":"mt","text":"Near Kharkov.","mentions":[{"start":5,"end":12,"text":"Kharkov","cls":"variant","preferred":"Kharkiv"}]}`)
	f.Add(`{"id":"y","text":"","mentions":[{"start":-1,"end":99,"text":"","cls":"correct"}]}` + "\n\n{")
	f.Fuzz(func(t *testing.T, in string) {
		items, err := readItems(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, it := range items {
			for _, m := range it.Mentions {
				if it.Text[m.Start:m.End] != m.Text {
					t.Fatalf("accepted a mention outside its text: %+v", m)
				}
			}
		}
	})
}
