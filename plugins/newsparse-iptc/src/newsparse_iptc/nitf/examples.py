"""Hand-written NITF examples: one in canonical form, one written otherwise.

The conformance kit checks that :data:`CANONICAL` renders back byte for byte
after parsing, and that :data:`ACCEPTED` reads the same after a round trip.
"""

from __future__ import annotations

__all__ = ["ACCEPTED", "CANONICAL"]

CANONICAL = """\
<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/" xml:lang="en">
  <head>
    <docdata>
      <doc-id id-string="npx-2024-0117"/>
      <urgency ed-urg="3"/>
      <date.issue norm="20240117T083000+0100"/>
      <doc.copyright year="2024" holder="Harbour Post"/>
      <key-list>
        <keyword key="ports"/>
        <keyword key="weather"/>
      </key-list>
    </docdata>
    <pubdata type="web" name="Harbour Post" ex-ref="https://harbour.example/ports/ice"/>
    <revision-history norm="20240117T101500+0100"/>
  </head>
  <body>
    <body.head>
      <hedline>
        <hl1>Ice closes the inner harbour</hl1>
        <hl2>Ferries run from the outer quay until Friday</hl2>
      </hedline>
      <note noteclass="editorsnote" type="npa">
        <body.content>
          <p>Corrects the name of the quay.</p>
        </body.content>
      </note>
      <byline>
        <person>Ana Lind</person>
      </byline>
      <byline>
        <byttl>Harbour reporter</byttl>
      </byline>
      <dateline>NORDVIK, Jan 17</dateline>
      <abstract>
        <p>The port authority shut the inner basin at dawn.</p>
      </abstract>
    </body.head>
    <body.content>
      <media media-type="image">
        <media-reference source="https://harbour.example/img/ice.jpg" alternate-text="A ferry"/>
        <media-caption>The 7:10 ferry, stuck at the inner quay.</media-caption>
        <media-producer>Per Ek</media-producer>
      </media>
      <p>Ice 30 centimetres thick closed the inner harbour on Wednesday.</p>
      <p>Ferries will use the outer quay &amp; the bus link.</p>
      <hl2>What travellers should do</hl2>
      <p>Allow twenty minutes more for the walk to the outer quay.</p>
    </body.content>
  </body>
</nitf>
"""

ACCEPTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-4.dtd">
<nitf version="-//IPTC//DTD NITF 3.4//EN">
  <head>
    <title>Ice closes harbour</title>
    <tobject tobject.type="news">
      <tobject.subject tobject.subject.refnum="04000000"
          tobject.subject.type="Economy, Business &amp; Finance"/>
    </tobject>
    <docdata>
      <date.issue norm="20240117T0830Z"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>  Ice closes
          the inner harbour </hl1></hedline>
      <byline>By Ana Lind, <byttl>Harbour reporter</byttl></byline>
    </body.head>
    <body.content>
      <block>
        <p>Ice <em>30 centimetres</em> thick<br/>closed the harbour.</p>
        <ul><li>Outer quay open</li><li>Bus link runs</li></ul>
      </block>
      <hl2>What travellers should do</hl2>
      <p>Allow&nbsp;more time.</p>
      <hr/>
    </body.content>
  </body>
</nitf>
"""
