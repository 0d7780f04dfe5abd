#!/bin/sh
# Redraw the diagrams in docs/maps from the seed maps in maps/.
# Run from the repository's root:  sh docs/maps/regenerate.sh
# The embedded renderer is used so that the result does not depend on
# whether (and which) Graphviz is installed.
set -e
argmap=${ARGMAP:-argmap}
$argmap render maps/ -o docs/maps/ --renderer embedded
$argmap render maps/brown2017.argmap --case brown -o docs/maps/brown2017-brown.svg --renderer embedded
$argmap render maps/brown2017.argmap --case togo -o docs/maps/brown2017-togo.svg --renderer embedded
