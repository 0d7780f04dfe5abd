#!/bin/sh
# Redraw the diagrams in docs/maps from the seed maps in maps/.
# Run from the repository's root:  sh docs/maps/regenerate.sh
# The embedded renderer is used so that the result does not depend on
# whether (and which) Graphviz is installed.  Every map is drawn the way
# `argmap render` draws it by default (theses on top; the rows chosen to
# bring each diagram near a screen's shape), with a PNG beside each SVG.
set -e
argmap=${ARGMAP:-argmap}
$argmap render maps/ -o docs/maps/ --renderer embedded
for svg in docs/maps/akiyama2015.svg docs/maps/brown2017.svg docs/maps/new_approach_debate.svg \
           docs/maps/suzuki2012.svg docs/maps/togo2013.svg docs/maps/tsuruoka2020.svg; do
  rsvg-convert -w 1600 "$svg" -o "${svg%.svg}.png"
done
$argmap render maps/brown2017.argmap --case brown -o docs/maps/brown2017-brown.svg --renderer embedded
$argmap render maps/brown2017.argmap --case togo -o docs/maps/brown2017-togo.svg --renderer embedded
