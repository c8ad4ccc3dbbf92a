import sys

from graphviz_nn.cli import main

sys.exit(main())
