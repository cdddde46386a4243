import json
import threading
import unittest
from urllib.request import urlopen

from app import serve


class AppTest(unittest.TestCase):
    def setUp(self):
        self.server = serve(0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://localhost:{self.server.server_address[1]}"

    def tearDown(self):
        self.server.shutdown()

    def test_health(self):
        with urlopen(f"{self.base}/health") as res:
            self.assertEqual(res.status, 200)
            self.assertEqual(json.load(res), {"status": "ok"})


if __name__ == "__main__":
    unittest.main()
