import sys

from splot_connector.cli import main

sys.exit(main())
