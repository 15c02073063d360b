"""Hand-written ninjs examples: one in canonical form, others written otherwise.

The conformance kit checks that :data:`CANONICAL` renders back byte for byte
after parsing, and that each of :data:`ACCEPTED` reads the same after a
round trip.
"""

from __future__ import annotations

__all__ = ["ACCEPTED", "CANONICAL"]

CANONICAL = """\
{
  "uri": "https://harbour.example/ports/ice",
  "type": "text",
  "standard": {
    "name": "ninjs",
    "version": "3.0",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"
  },
  "firstCreated": "2024-01-17T08:30:00+01:00",
  "versionCreated": "2024-01-17T10:15:00+01:00",
  "urgency": 3,
  "copyrightHolder": "Harbour Post",
  "slugline": "ICE-HARBOUR",
  "language": "en",
  "headlines": [
    {
      "role": "main",
      "value": "Ice closes the inner harbour"
    },
    {
      "role": "sub",
      "value": "Ferries run from the outer quay until Friday"
    }
  ],
  "descriptions": [
    {
      "role": "summary",
      "contentType": "text/plain",
      "value": "The port authority shut the inner basin at dawn."
    }
  ],
  "bodies": [
    {
      "role": "main",
      "contentType": "text/html",
      "value": "<p>Ice closed the harbour.</p>\\n<h2>Travellers</h2>\\n<p>Wait &amp; go.</p>"
    }
  ],
  "people": [
    {
      "name": "Ana Lind",
      "rel": "author"
    }
  ],
  "subjects": [
    {
      "name": "ports"
    }
  ],
  "infoSources": [
    {
      "name": "Harbour Post",
      "role": "publisher"
    }
  ],
  "associations": [
    {
      "name": "image1",
      "uri": "https://harbour.example/img/ice.jpg",
      "type": "picture",
      "renditions": [
        {
          "name": "original",
          "href": "https://harbour.example/img/ice.jpg"
        }
      ],
      "descriptions": [
        {
          "role": "caption",
          "value": "The 7:10 ferry, stuck at the inner quay."
        },
        {
          "role": "alt",
          "value": "A ferry in grey ice"
        }
      ],
      "by": "Per Ek"
    }
  ]
}
"""

ACCEPTED = (
    # ninjs 2: lower-case property names, a plain-text body.
    """{
  "uri": "urn:newsml:harbour.example:20240117:ice",
  "standard": {"name": "ninjs", "version": "2.1"},
  "firstcreated": "2024-01-17T07:30:00Z",
  "copyrightholder": "Harbour Post",
  "headlines": [{"value": "Ice closes the inner harbour"}],
  "bodies": [{"contenttype": "text/plain", "value": "Ice closed the harbour.\\n\\nFerries wait."}],
  "by": "By Ana Lind",
  "subjects": [{"name": "ports", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000345"}]
}""",
    # Two ninjs 3 items in a compact array, with figures in the HTML body.
    '[{"uri":"https://a.example/1","headlines":[{"role":"main","value":"One"}],'
    '"bodies":[{"value":"<div><p>First</p><figure><img src=\\"a.jpg\\" alt=\\"A\\">'
    '<figcaption>Cap</figcaption></figure><h3>Then</h3><ul><li>x</li></ul></div>"}]},'
    '{"uri":"https://a.example/2","headlines":[{"role":"main","value":"Two"}]}]',
    # ninjs 1.x as Superdesk writes it: a guid for the uri, one headline, the
    # body as body_html, a picture association keyed by name.
    """{
  "guid": "urn:newsml:harbour.example:2024-01-17:ice",
  "type": "text",
  "versioncreated": "2024-01-17T09:15:00+0000",
  "headline": "Ice closes the inner harbour",
  "body_html": "<p>Ice closed the\\nharbour.<br/></p><p>Ferries wait.</p>",
  "description_text": "Ice.",
  "byline": "Ana Lind",
  "subject": [{"code": "20000345", "name": "ports"}],
  "associations": {"featuremedia": {"type": "picture", "description_text": "The quay.",
    "renditions": {"original": {"href": "https://harbour.example/img/ice.jpg"}}}}
}""",
)
