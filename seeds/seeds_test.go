package seeds_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/transcheck/transcheck/seeds"
)

func TestAllMatchesFiles(t *testing.T) {
	all := seeds.All()
	require.Len(t, all, 5)
	for _, s := range all {
		disk, err := os.ReadFile(filepath.Join("..", s.Path))
		require.NoError(t, err)
		assert.Equal(t, disk, s.Data, s.Path)
	}
}

func TestGet(t *testing.T) {
	s, ok := seeds.Get("002")
	require.True(t, ok)
	assert.Equal(t, "seeds/002_1b412a2938b23637.txt", s.Path)
	_, ok = seeds.Get("00")
	assert.False(t, ok, "ambiguous prefix")
	_, ok = seeds.Get("999")
	assert.False(t, ok)
}

func ExampleAll() {
	for _, s := range seeds.All() {
		fmt.Println(s.Path)
	}
	// Output:
	// seeds/000_36ba50baf7eae4fb.txt
	// seeds/001_3800fd556f55c46a.txt
	// seeds/002_1b412a2938b23637.txt
	// seeds/003_12b6e9c1d785f567.txt
	// seeds/004_43732953ce2097e8.txt
}
