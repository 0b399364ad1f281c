"""Entry point. ``python app.py`` serves the dashboard for development; gunicorn uses ``app:server``."""

import logging

from dashboard import create_app
from dashboard.config import Config

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
for chatty in ("choreographer", "kaleido"):  # a dozen lines per report chart drawn
    logging.getLogger(chatty).setLevel(logging.WARNING)
config = Config.from_env()
app = create_app(config)
server = app.server

if __name__ == "__main__":
    app.run(host=config.host, port=config.port, debug=False, dev_tools_disable_version_check=True)
