# Shell functions for the scripts beside this file; sourced from the
# repository's root (`. .ci/packaging/lib.sh`). Sets, from FyneApp.toml, go.mod,
# .ci/packaging/about and .ci/packaging/description:
#   NAME ID VERSION BIN CATEGORIES KEYWORDS  SUMMARY  and what about sets,
#   DATE_EPOCH   when the version was set: the last commit of FyneApp.toml
#                (now, outside a git checkout), for the release date and the
#                files' times
. .ci/packaging/about

toml() { sed -n "s/^$1 *= *\"\(.*\)\" *\$/\1/p" FyneApp.toml | head -n 1; }
toml_list() { sed -n "s/^$1 *= *\[\(.*\)\] *\$/\1/p" FyneApp.toml | head -n 1 | sed 's/", *"/\n/g; s/^"//; s/"$//'; }
NAME=$(toml Name)
ID=$(toml ID)
VERSION=$(toml Version)
BIN=$(sed -n 's/^module *//p' go.mod | sed 's,.*/,,')
CATEGORIES=$(toml_list Categories)
KEYWORDS=$(toml_list Keywords)
SUMMARY=$(head -n 1 .ci/packaging/description)
[ -n "$NAME" ] && [ -n "$ID" ] && [ -n "$VERSION" ] && [ -n "$BIN" ] && [ -n "$SUMMARY" ] ||
  { echo "cannot read Name, ID and Version from FyneApp.toml, the module from go.mod, or the summary" >&2; exit 2; }
DATE_EPOCH=$(git log -1 --format=%ct -- FyneApp.toml 2>/dev/null) || true
[ -n "$DATE_EPOCH" ] || DATE_EPOCH=$(date +%s)

# paragraphs [FORMAT]: the long description (.ci/packaging/description after
# its first line) as deb (lines indented by one space, " ." between
# paragraphs), xml (<p> elements, escaped) or text (as it is)
paragraphs() {
  sed 1d .ci/packaging/description | case ${1:-text} in
    deb) sed 's/^$/./; s/^/ /' ;;
    xml) xml_escape | awk 'BEGIN { p = "" }
           /^$/ { if (p != "") print "    <p>" p "</p>"; p = ""; next }
           { p = (p == "" ? $0 : p " " $0) }
           END { if (p != "") print "    <p>" p "</p>" }' ;;
    *) cat ;;
  esac
}

# lib_package SONAME: the Debian package that holds the 64-bit library SONAME
# on this machine (by its path as ldconfig knows it, or the file it links to:
# libc6 has its files under /lib, most others under /usr/lib)
lib_package() {
  lib_file=$(ldconfig -p | awk -v so="$1" '$1 == so && /x86-64|64bit/ { print $NF; exit }')
  [ -n "$lib_file" ] || return 1
  for f in "$lib_file" "$(realpath "$lib_file")"; do
    p=$(dpkg -S "$f" 2>/dev/null | head -n 1 | cut -d: -f1)
    [ -z "$p" ] || { echo "$p"; return 0; }
  done
  return 1
}

xml_escape() { sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g'; }

# fill TEMPLATE KEY... : the template with each @KEY@ replaced by the value of
# the shell variable KEY (exported for awk as T_KEY); a line that is only
# @KEY@ takes a value of several lines as it is. Lines that start with # and
# XML comments that start on a line of their own are left out.
fill() {
  template=$1
  shift
  for k in "$@"; do eval "export T_$k=\"\$$k\""; done
  awk -v keys="$*" '
    BEGIN { n = split(keys, k, " ") }
    /^#/ { next }
    /^[ \t]*<!--/ && !/-->/ { skip = 1; next }
    skip { if (/-->/) skip = 0; next }
    {
      line = $0
      for (i = 1; i <= n; i++) {
        pat = "@" k[i] "@"
        out = ""
        while ((j = index(line, pat)) > 0) {
          out = out substr(line, 1, j - 1) ENVIRON["T_" k[i]]
          line = substr(line, j + length(pat))
        }
        line = out line
      }
      print line
    }' "$template"
}
