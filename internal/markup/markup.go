// Package markup lets transcheck read HTML articles as text without losing
// offsets: Mask blanks out tags, comments, scripts and styles and decodes
// character references in place, padding with spaces, so that every byte
// offset into the masked text is the offset of the same place in the HTML
// file.
package markup

import (
	"html"
	"strings"
)

// blockTags end a paragraph: Mask turns them into a line break.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"tr": true, "td": true, "th": true, "table": true, "blockquote": true,
	"section": true, "article": true, "header": true, "footer": true,
	"title": true, "figcaption": true, "hr": true, "pre": true, "body": true,
	"html": true, "head": true, "main": true, "aside": true, "nav": true,
}

// skipTags hide their content as well as themselves.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true}

// LooksLikeHTML reports whether text is an HTML document or fragment rather
// than plain text that happens to hold a "<".
func LooksLikeHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text[:min(len(text), 1024)]))
	head = strings.TrimPrefix(head, "\uFEFF")
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") {
		return true
	}
	// Count the tags at each "<", ignoring case, without lower-casing the
	// whole text (a coverage corpus is thousands of texts).
	n := 0
	for i := strings.IndexByte(text, '<'); i >= 0; {
		rest := text[i:]
		for _, tag := range htmlHints {
			if len(rest) >= len(tag) && strings.EqualFold(rest[:len(tag)], tag) {
				n++
				break
			}
		}
		if n >= 3 {
			return true
		}
		j := strings.IndexByte(rest[1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// htmlHints are tags that mark a text as HTML when three of them occur.
var htmlHints = []string{"<p>", "<p ", "</p>", "<br", "<div", "</div>", "<a href", "</a>", "<span", "<h1", "<h2", "<li>", "<body"}

// Mask returns text with markup blanked out. The result has exactly the
// length of text. Block-level tags become a line break followed by spaces;
// other tags, comments and the content of scripts and styles become spaces;
// a character reference becomes its character followed by spaces (or stays
// as it is when its character would not fit).
func Mask(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	lower := strings.ToLower(text)
	pad := func(n int, block bool) {
		if n <= 0 {
			return
		}
		if block {
			b.WriteByte('\n')
			n--
		}
		b.WriteString(strings.Repeat(" ", n))
	}
	i := 0
	for i < len(text) {
		switch c := text[i]; {
		case c == '<' && strings.HasPrefix(text[i:], "<!--"):
			end := strings.Index(text[i+4:], "-->")
			if end < 0 {
				pad(len(text)-i, false)
				return b.String()
			}
			n := 4 + end + 3
			pad(n, false)
			i += n
		case c == '<' && i+1 < len(text) && (isTagStart(text[i+1])):
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				b.WriteString(text[i:])
				return b.String()
			}
			name := tagName(lower[i+1 : i+end])
			closing := strings.HasPrefix(text[i+1:], "/")
			n := end + 1
			if skipTags[name] && !closing {
				close := strings.Index(lower[i+n:], "</"+name)
				if close < 0 {
					n = len(text) - i
				} else {
					n += close
					if gt := strings.IndexByte(text[i+n:], '>'); gt >= 0 {
						n += gt + 1
					}
				}
			}
			pad(n, blockTags[name])
			i += n
		case c == '&':
			end := strings.IndexByte(text[i:min(len(text), i+12)], ';')
			if end < 0 {
				b.WriteByte(c)
				i++
				continue
			}
			ref := text[i : i+end+1]
			dec := html.UnescapeString(ref)
			if dec == ref || len(dec) > len(ref) {
				b.WriteString(ref)
			} else {
				b.WriteString(dec)
				pad(len(ref)-len(dec), false)
			}
			i += len(ref)
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func isTagStart(c byte) bool {
	return c == '/' || c == '!' || c == '?' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// tagName returns the lower-case element name of a tag's inside.
func tagName(inside string) string {
	inside = strings.TrimPrefix(inside, "/")
	end := strings.IndexAny(inside, " \t\r\n/>")
	if end >= 0 {
		inside = inside[:end]
	}
	return inside
}
