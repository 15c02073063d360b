"""Hand-written NewsML-G2 examples: one in canonical form, others written otherwise.

The conformance kit checks that :data:`CANONICAL` renders back byte for byte
after parsing, and that each of :data:`ACCEPTED` reads the same after a
round trip.
"""

from __future__ import annotations

__all__ = ["ACCEPTED", "CANONICAL", "MESSAGE", "XHTML"]

CANONICAL = """\
<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:harbour.example:20240117:ice" version="3" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_36.xml"/>
  <rightsInfo>
    <copyrightHolder>
      <name>Harbour Post</name>
    </copyrightHolder>
    <copyrightNotice>Copyright 2024 Harbour Post</copyrightNotice>
  </rightsInfo>
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:HARBOUR">
      <name>Harbour Post</name>
    </provider>
    <versionCreated>2024-01-17T10:15:00+01:00</versionCreated>
    <firstCreated>2024-01-17T08:30:00+01:00</firstCreated>
    <pubStatus qcode="stat:usable"/>
    <edNote>Updates the 08:30 story.</edNote>
  </itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <contentCreated>2024-01-17</contentCreated>
    <located>
      <name>Nordvik</name>
    </located>
    <creator>
      <name>Ana Lind</name>
    </creator>
    <language tag="en"/>
    <keyword>ports</keyword>
    <keyword>weather</keyword>
    <genre literal="Current"/>
    <slugline>NORDVIK-ICE</slugline>
    <headline>Ice closes the inner harbour</headline>
    <headline>Ferries run from the outer quay until Friday</headline>
    <dateline>NORDVIK, Jan 17</dateline>
    <description role="drol:summary">The port authority shut the inner basin at dawn.</description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/nitf+xml">
      <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">
        <head>
          <pubdata type="web" ex-ref="https://harbour.example/ports/ice"/>
        </head>
        <body>
          <body.head>
            <hedline>
              <hl1>Ice closes the inner harbour</hl1>
            </hedline>
            <byline>
              <byttl>Harbour reporter</byttl>
            </byline>
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
    </inlineXML>
  </contentSet>
</newsItem>
"""  # noqa: E501

ACCEPTED = """\
<?xml version="1.0" encoding="UTF-8"?>
<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/"
    guid="tag:harbour.example,2024:ice" standard="NewsML-G2" standardversion="2.24">
  <g2:catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_32.xml"/>
  <g2:itemMeta>
    <g2:itemClass qcode="ninat:text"/>
    <g2:provider uri="https://harbour.example/"/>
    <g2:versionCreated>2024-01-17T08:30:00Z</g2:versionCreated>
  </g2:itemMeta>
  <g2:contentMeta>
    <g2:by>By Ana Lind</g2:by>
    <g2:subject qcode="medtop:04000000"><g2:name xml:lang="en">economy, business
        and finance</g2:name></g2:subject>
    <g2:subject qcode="medtop:20000523"/>
    <g2:headline>
      Ice closes the
      inner harbour
    </g2:headline>
  </g2:contentMeta>
  <g2:contentSet>
    <g2:remoteContent href="https://harbour.example/ice.pdf" contenttype="application/pdf"/>
    <g2:inlineData contenttype="text/plain">Ice closed the inner harbour.

Ferries use the outer quay.
    </g2:inlineData>
  </g2:contentSet>
</g2:newsItem>
"""

XHTML = """\
<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:ice-xhtml" version="1"
    standard="NewsML-G2" standardversion="2.35">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider literal="Harbour Post"/>
    <versionCreated>2024-01-17T10:15:00+01:00</versionCreated>
    <firstCreated>2024-01-17T10:15:00+01:00</firstCreated>
  </itemMeta>
  <contentMeta>
    <headline>Ice closes the inner harbour</headline>
    <description role="drol:summary">The basin shut at dawn.</description>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml">
        <head><title>Ice</title></head>
        <body>
          <p>Ice closed the <em>inner</em> harbour.</p>
          <figure>
            <img src="https://harbour.example/img/ice.jpg" alt="A ferry"/>
            <figcaption>The 7:10 ferry.</figcaption>
          </figure>
          <h2>What travellers should do</h2>
          <ul><li>Use the outer quay.</li><li>Allow more time.</li></ul>
        </body>
      </html>
    </inlineXML>
  </contentSet>
</newsItem>
"""

MESSAGE = """\
<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header>
    <sent>2024-01-17T10:16:00Z</sent>
  </header>
  <itemSet>
    <newsItem guid="urn:x:one" standard="NewsML-G2" standardversion="2.35">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:HARBOUR"/>
        <versionCreated>2024-01-17T10:15:00Z</versionCreated>
      </itemMeta>
      <contentMeta><headline>Ice closes the inner harbour</headline></contentMeta>
    </newsItem>
    <newsItem guid="urn:x:two" standard="NewsML-G2" standardversion="2.35">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:HARBOUR"/>
        <versionCreated>2024-01-17T10:16:00Z</versionCreated>
      </itemMeta>
      <contentMeta><headline>Ferries use the outer quay</headline></contentMeta>
    </newsItem>
  </itemSet>
</newsMessage>
"""
