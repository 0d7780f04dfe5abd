#!/bin/sh
# Redraw the diagrams in docs/maps from the seed maps in maps/.
# Run from the repository's root:  sh docs/maps/regenerate.sh
# The embedded renderer is used so that the result does not depend on
# whether (and which) Graphviz is installed.  The big maps are drawn left
# to right: top to bottom they come out five or six times wider than high.
set -e
argmap=${ARGMAP:-argmap}
$argmap render maps/akiyama2015.argmap maps/suzuki2012.argmap maps/tsuruoka2020.argmap -o docs/maps/ --renderer embedded
$argmap render maps/brown2017.argmap maps/togo2013.argmap maps/new_approach_debate.argmap -o docs/maps/ --rankdir LR --renderer embedded
$argmap render maps/brown2017.argmap --case brown -o docs/maps/brown2017-brown.svg --rankdir LR --renderer embedded
$argmap render maps/brown2017.argmap --case togo -o docs/maps/brown2017-togo.svg --renderer embedded
