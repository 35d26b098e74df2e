<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AppContext</name>
    <message>
        <source>Could not start the embedded sandbox: %1</source>
        <translation>Impossible de démarrer le bac à sable intégré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ArmClient</name>
    <message>
        <source>The path “%1” does not start with “/”.</source>
        <translation>Le chemin «&#xa0;%1&#xa0;» ne commence pas par «&#xa0;/&#xa0;».</translation>
    </message>
    <message>
        <source>The path “%1” contains a character that is not allowed.</source>
        <translation>Le chemin «&#xa0;%1&#xa0;» contient un caractère non autorisé.</translation>
    </message>
    <message>
        <source>The path “%1” has an empty or dot segment.</source>
        <translation>Le chemin «&#xa0;%1&#xa0;» contient un segment vide ou un point.</translation>
    </message>
    <message>
        <source>The response is larger than %1 MiB.</source>
        <translation>La réponse dépasse %L1 Mio.</translation>
    </message>
    <message>
        <source>No answer from %1 within %2 seconds.</source>
        <translation>Aucune réponse de %1 dans les %L2 secondes.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The response body is not valid JSON.</source>
        <translation>Le corps de la réponse n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The server pointed to “%1”, which is not on %2; it was not followed.</source>
        <translation>Le serveur a renvoyé vers «&#xa0;%1&#xa0;», qui n’est pas sur %2&#x202f;; ce lien n’a pas été suivi.</translation>
    </message>
    <message>
        <source>The list response has no “value” array.</source>
        <translation>La réponse de liste n’a pas de tableau «&#xa0;value&#xa0;».</translation>
    </message>
    <message>
        <source>“nextLink” is not a string.</source>
        <translation>«&#xa0;nextLink&#xa0;» n’est pas une chaîne.</translation>
    </message>
    <message>
        <source>The server returned the same next page twice; the list was stopped.</source>
        <translation>Le serveur a renvoyé deux fois la même page suivante&#x202f;; la lecture de la liste a été arrêtée.</translation>
    </message>
    <message>
        <source>The list has more than %1 pages; it was stopped.</source>
        <translation>La liste compte plus de %L1 pages&#x202f;; sa lecture a été arrêtée.</translation>
    </message>
    <message>
        <source>The request was accepted but the server gave no way to follow it.</source>
        <translation>La requête a été acceptée, mais le serveur n’a donné aucun moyen de la suivre.</translation>
    </message>
    <message>
        <source>The resource ended in the Failed provisioning state.</source>
        <translation>La ressource s’est terminée dans l’état d’approvisionnement Failed.</translation>
    </message>
    <message>
        <source>The operation status has no “status” field.</source>
        <translation>Le statut de l’opération n’a pas de champ «&#xa0;status&#xa0;».</translation>
    </message>
    <message>
        <source>The server answered with “%1” content instead of JSON.</source>
        <translation>Le serveur a répondu avec un contenu «&#xa0;%1&#xa0;» au lieu de JSON.</translation>
    </message>
    <message>
        <source>The response could not be read: %1</source>
        <translation>Impossible de lire la réponse&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ArmError</name>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1: %2</source>
        <translation>Le serveur a répondu avec le statut HTTP %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Network error.</source>
        <translation>Erreur réseau.</translation>
    </message>
    <message>
        <source>Network error: %1</source>
        <translation>Erreur réseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The server did not answer in time: %1</source>
        <translation>Le serveur n’a pas répondu à temps&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unexpected response from the server (HTTP status %1): %2</source>
        <translation>Réponse inattendue du serveur (statut HTTP %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Unexpected response from the server: %1</source>
        <translation>Réponse inattendue du serveur&#xa0;: %1</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>L’opération a échoué.</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>L’opération a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>The operation was canceled.</source>
        <translation>L’opération a été annulée.</translation>
    </message>
    <message>
        <source>The operation was canceled: %1</source>
        <translation>L’opération a été annulée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
    <message>
        <source>Invalid input.</source>
        <translation>Saisie non valide.</translation>
    </message>
    <message>
        <source>Invalid input: %1</source>
        <translation>Saisie non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>Authentication failed: sign in again.</source>
        <translation>Échec de l’authentification&#xa0;: reconnectez-vous.</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Échec de l’authentification&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (target: %2)</source>
        <translation>%1 (cible&#xa0;: %2)</translation>
    </message>
    <message>
        <source>%1 Details: %2</source>
        <translation>%1 Détails&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 [request id: %2]</source>
        <translation>%1 [ID de requête&#xa0;: %2]</translation>
    </message>
    <message>
        <source>A value sent to Azure was refused; check the field named in the message.</source>
        <translation>Azure a refusé une valeur envoyée&#x202f;; vérifiez le champ indiqué dans le message.</translation>
    </message>
    <message>
        <source>The resource does not exist, or you cannot see it with this account.</source>
        <translation>La ressource n’existe pas, ou ce compte ne peut pas la voir.</translation>
    </message>
    <message>
        <source>Your account lacks the permission for this action; ask an owner of the subscription for a role that grants it.</source>
        <translation>Votre compte n’a pas l’autorisation nécessaire pour cette action&#x202f;; demandez à un propriétaire de l’abonnement un rôle qui l’accorde.</translation>
    </message>
    <message>
        <source>A preview feature required for this operation is not registered on the subscription.</source>
        <translation>Une fonctionnalité en préversion nécessaire à cette opération n’est pas inscrite dans l’abonnement.</translation>
    </message>
    <message>
        <source>The resource provider is not registered on the subscription; register it and try again.</source>
        <translation>Le fournisseur de ressources n’est pas inscrit dans l’abonnement&#x202f;; inscrivez-le, puis réessayez.</translation>
    </message>
    <message>
        <source>The sign-in token was refused; sign in again, to the tenant of this subscription.</source>
        <translation>Le jeton de connexion a été refusé&#x202f;; reconnectez-vous, au locataire de cet abonnement.</translation>
    </message>
    <message>
        <source>The sign-in has expired; sign in again.</source>
        <translation>La connexion a expiré&#x202f;; reconnectez-vous.</translation>
    </message>
    <message>
        <source>An Azure Policy assignment forbids this request; ask the policy owner for an exemption.</source>
        <translation>Une attribution Azure Policy interdit cette requête&#x202f;; demandez une exemption au propriétaire de la stratégie.</translation>
    </message>
    <message>
        <source>A quota of the subscription would be exceeded; request an increase or use fewer resources.</source>
        <translation>Un quota de l’abonnement serait dépassé&#x202f;; demandez une augmentation ou utilisez moins de ressources.</translation>
    </message>
    <message>
        <source>Azure does not allow this operation with these settings or in the resource&apos;s current state.</source>
        <translation>Azure n’autorise pas cette opération avec ces paramètres ou dans l’état actuel de la ressource.</translation>
    </message>
    <message>
        <source>Another operation is changing this resource; wait for it to finish and try again.</source>
        <translation>Une autre opération modifie cette ressource&#x202f;; attendez qu’elle se termine, puis réessayez.</translation>
    </message>
    <message>
        <source>Azure is throttling requests; wait a moment and try again.</source>
        <translation>Azure limite le débit des requêtes&#x202f;; patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>The disk encryption set cannot use its key; check the key vault&apos;s access policy and key.</source>
        <translation>Le jeu de chiffrement de disque ne peut pas utiliser sa clé&#x202f;; vérifiez la stratégie d’accès du coffre de clés et la clé.</translation>
    </message>
    <message>
        <source>%1 [correlation id: %2]</source>
        <extracomment>No answer came back (connection reset, timeout): the id the client sent is all support can use</extracomment>
        <translation>%1 [ID de corrélation&#xa0;: %2]</translation>
    </message>
</context>
<context>
    <name>ArmPathBuilder</name>
    <message>
        <source>The name is empty.</source>
        <translation>Le nom est vide.</translation>
    </message>
    <message>
        <source>The name is longer than %1 characters.</source>
        <translation>Le nom dépasse %1 caractères.</translation>
    </message>
    <message>
        <source>“%1” is not a valid name.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un nom valide.</translation>
    </message>
    <message>
        <source>The name “%1” contains the character “%2”, which is not allowed.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» contient le caractère «&#xa0;%2&#xa0;», qui n’est pas autorisé.</translation>
    </message>
    <message>
        <source>The name contains a control or invisible character (U+%1).</source>
        <translation>Le nom contient un caractère de contrôle ou invisible (U+%1).</translation>
    </message>
    <message>
        <source>“%1” is not a valid path keyword.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un mot-clé de chemin valide.</translation>
    </message>
    <message>
        <source>“%1” is not an Azure resource ID.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un ID de ressource Azure.</translation>
    </message>
    <message>
        <source>“%1” is not an Azure resource ID: %2</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un ID de ressource Azure&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>AuthConfig</name>
    <message>
        <source>Azure (public cloud)</source>
        <translation>Azure (cloud public)</translation>
    </message>
    <message>
        <source>Azure US Government</source>
        <translation>Azure US Government</translation>
    </message>
    <message>
        <source>Azure operated by 21Vianet (China)</source>
        <translation>Azure géré par 21Vianet (Chine)</translation>
    </message>
    <message>
        <source>No application (client) ID is configured. Register a public client application in Microsoft Entra ID with the redirect URI http://localhost, then pass its ID with --client-id or save it in the settings (see docs/sign-in.md).</source>
        <translation>Aucun ID d’application (client) n’est configuré. Inscrivez une application cliente publique dans Microsoft Entra ID avec l’URI de redirection http://localhost, puis passez son ID avec --client-id ou enregistrez-le dans les paramètres (voir docs/sign-in.md).</translation>
    </message>
    <message>
        <source>The authority “%1” is not an https URL.</source>
        <translation>L’autorité «&#xa0;%1&#xa0;» n’est pas une URL https.</translation>
    </message>
    <message>
        <source>No tenant is configured.</source>
        <translation>Aucun locataire n’est configuré.</translation>
    </message>
</context>
<context>
    <name>AzCommandImporter</name>
    <message>
        <source>The command uses the shell expression “%1”, which only a shell can expand; replace it with its value.</source>
        <translation>La commande utilise l’expression de shell «&#xa0;%1&#xa0;», que seul un shell peut développer&#x202f;; remplacez-la par sa valeur.</translation>
    </message>
    <message>
        <source>The command uses a backquote inside double quotes, which a shell would run as a command; remove it.</source>
        <translation>La commande contient un accent grave entre guillemets doubles, qu’un shell exécuterait comme une commande&#x202f;; supprimez-le.</translation>
    </message>
    <message>
        <source>The text holds more than one command, or a line break without a continuation character (\, ` or ^); paste a single az sig image-version create command.</source>
        <translation>Le texte contient plusieurs commandes, ou un saut de ligne sans caractère de continuation (\, ` ou ^)&#x202f;; collez une seule commande az sig image-version create.</translation>
    </message>
    <message>
        <source>The command uses a backquote (`) that does not end a line; only line continuations are understood.</source>
        <translation>La commande contient un accent grave (`) qui ne termine pas une ligne&#x202f;; seules les continuations de ligne sont comprises.</translation>
    </message>
    <message>
        <source>The command contains the shell operator “%1”; paste only the az command, without pipes, redirections or other commands.</source>
        <translation>La commande contient l’opérateur de shell «&#xa0;%1&#xa0;»&#x202f;; collez uniquement la commande az, sans tube, redirection ni autre commande.</translation>
    </message>
    <message>
        <source>A quote (%1) is opened but never closed.</source>
        <translation>Un guillemet (%1) est ouvert mais jamais fermé.</translation>
    </message>
    <message>
        <source>The command is empty.</source>
        <translation>La commande est vide.</translation>
    </message>
    <message>
        <source>The Azure CLI rejects this command: %1</source>
        <translation>Azure CLI rejette cette commande&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 is given more than once; the Azure CLI keeps only the last one and silently ignores the others.</source>
        <translation>%1 est indiqué plusieurs fois&#x202f;; Azure CLI ne garde que le dernier et ignore les autres sans prévenir.</translation>
    </message>
    <message>
        <source>This is not an “az sig image-version create” command.</source>
        <translation>Ce n’est pas une commande «&#xa0;az sig image-version create&#xa0;».</translation>
    </message>
    <message>
        <source>%1 makes the image version from a VHD in a storage account; the wizard creates image versions from managed images, snapshots, virtual machines and other image versions only.</source>
        <translation>%1 crée la version d’image à partir d’un VHD dans un compte de stockage&#x202f;; l’Assistant ne crée des versions d’image qu’à partir d’images managées, d’instantanés, de machines virtuelles et d’autres versions d’image.</translation>
    </message>
    <message>
        <source>%1 is not kept: the wizard does not set it, so the draft creates the image version without it.</source>
        <translation>%1 n’est pas conservé&#xa0;: l’Assistant ne le définit pas, donc le brouillon crée la version d’image sans lui.</translation>
    </message>
    <message>
        <source>The command has no --subscription: the Azure CLI would use your default subscription; the draft uses %1.</source>
        <translation>La commande n’a pas de --subscription&#xa0;: Azure CLI utiliserait votre abonnement par défaut&#x202f;; le brouillon utilise %1.</translation>
    </message>
    <message>
        <source>The command does not say which subscription to use (the Azure CLI would use your default one); choose it in the wizard.</source>
        <translation>La commande n’indique pas l’abonnement à utiliser (Azure CLI prendrait votre abonnement par défaut)&#x202f;; choisissez-le dans l’Assistant.</translation>
    </message>
    <message>
        <source>The command has no --subscription: the Azure CLI would use your default subscription; the draft assumes %1, the subscription of the source.</source>
        <translation>La commande n’a pas de --subscription&#xa0;: Azure CLI utiliserait votre abonnement par défaut&#x202f;; le brouillon suppose %1, l’abonnement de la source.</translation>
    </message>
    <message>
        <source>--target-region-encryption is silently ignored by the Azure CLI without --target-regions: the image version would be encrypted with platform-managed keys only. The draft does the same; add --target-regions to keep your disk encryption sets.</source>
        <translation>Sans --target-regions, Azure CLI ignore --target-region-encryption sans prévenir&#xa0;: la version d’image ne serait chiffrée qu’avec des clés gérées par la plateforme. Le brouillon fait de même&#x202f;; ajoutez --target-regions pour conserver vos jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Region %1 is listed twice in --target-regions; Azure refuses duplicate target regions.</source>
        <translation>La région %1 figure deux fois dans --target-regions&#x202f;; Azure refuse les régions cibles en double.</translation>
    </message>
    <message>
        <source>The encryption of region %1 (“%2”) starts with an empty disk encryption set; write null for an OS disk without one.</source>
        <translation>Le chiffrement de la région %1 («&#xa0;%2&#xa0;») commence par un jeu de chiffrement de disque vide&#x202f;; écrivez null pour un disque de SE sans jeu.</translation>
    </message>
    <message>
        <source>“%1” in the encryption of region %2 is not a LUN (a whole number); the Azure CLI would fail when it sends the request.</source>
        <translation>«&#xa0;%1&#xa0;», dans le chiffrement de la région %2, n’est pas un LUN (un nombre entier)&#x202f;; Azure CLI échouerait en envoyant la requête.</translation>
    </message>
    <message>
        <source>The data disk at LUN %1 of region %2 has an empty disk encryption set.</source>
        <translation>Le disque de données au LUN %1 de la région %2 a un jeu de chiffrement de disque vide.</translation>
    </message>
    <message>
        <source>null is accepted only for the OS disk: for the data disk at LUN %1 of region %2 the Azure CLI would look for a disk encryption set named “null”.</source>
        <translation>null n’est accepté que pour le disque de SE&#xa0;: pour le disque de données au LUN %1 de la région %2, Azure CLI chercherait un jeu de chiffrement de disque nommé «&#xa0;null&#xa0;».</translation>
    </message>
    <message>
        <source>LUN %1 appears twice in the encryption of region %2; the draft keeps the last disk encryption set.</source>
        <translation>Le LUN %1 apparaît deux fois dans le chiffrement de la région %2&#x202f;; le brouillon garde le dernier jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The command names more than one source (--managed-image, --os-snapshot, --virtual-machine, --image-version); an image version has exactly one.</source>
        <translation>La commande indique plusieurs sources (--managed-image, --os-snapshot, --virtual-machine, --image-version)&#x202f;; une version d’image en a exactement une.</translation>
    </message>
    <message>
        <source>--data-snapshots needs --os-snapshot: the wizard adds data-disk snapshots only to an OS-disk snapshot.</source>
        <translation>--data-snapshots nécessite --os-snapshot&#xa0;: l’Assistant n’ajoute des instantanés de disque de données qu’à un instantané de disque de SE.</translation>
    </message>
    <message>
        <source>--data-snapshot-luns is not given: like the Azure CLI, the draft numbers the data disks 0, 1, 2… in the order of --data-snapshots.</source>
        <translation>--data-snapshot-luns n’est pas indiqué&#xa0;: comme Azure CLI, le brouillon numérote les disques de données 0, 1, 2… dans l’ordre de --data-snapshots.</translation>
    </message>
    <message>
        <source>--target-region-encryption sets a disk encryption set for LUN %1, but no data-disk snapshot has that LUN; Azure would reject the request.</source>
        <translation>--target-region-encryption définit un jeu de chiffrement de disque pour le LUN %1, mais aucun instantané de disque de données n’a ce LUN&#x202f;; Azure rejetterait la requête.</translation>
    </message>
    <message>
        <source>The source “%1” is not a resource ID; the wizard needs the full ID.</source>
        <translation>La source «&#xa0;%1&#xa0;» n’est pas un ID de ressource&#x202f;; l’Assistant a besoin de l’ID complet.</translation>
    </message>
    <message>
        <source>The location %1 is not among the target regions; an image version is always replicated to its own location, so the draft adds it as the first target region.</source>
        <translation>L’emplacement %1 ne fait pas partie des régions cibles&#x202f;; une version d’image est toujours répliquée dans son propre emplacement, donc le brouillon l’ajoute comme première région cible.</translation>
    </message>
    <message>
        <source>The command has no --location: the Azure CLI would use the location of resource group %1. The draft uses the first target region, %2.</source>
        <translation>La commande n’a pas de --location&#xa0;: Azure CLI utiliserait l’emplacement du groupe de ressources %1. Le brouillon utilise la première région cible, %2.</translation>
    </message>
    <message>
        <source>The command has neither --location nor --target-regions: the Azure CLI would use the location of resource group %1. Choose the location in the wizard.</source>
        <translation>La commande n’a ni --location ni --target-regions&#xa0;: Azure CLI utiliserait l’emplacement du groupe de ressources %1. Choisissez l’emplacement dans l’Assistant.</translation>
    </message>
    <message>
        <source>Region %1 has no disk encryption set while other regions have one: its copy of the image would be encrypted with platform-managed keys only.</source>
        <translation>La région %1 n’a pas de jeu de chiffrement de disque alors que d’autres régions en ont un&#xa0;: sa copie de l’image ne serait chiffrée qu’avec des clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>The disk encryption set “%1” is used in region %2, but its name suggests region %3. A disk encryption set must be in the region it encrypts.</source>
        <translation>Le jeu de chiffrement de disque «&#xa0;%1&#xa0;» est utilisé dans la région %2, mais son nom évoque la région %3. Un jeu de chiffrement de disque doit se trouver dans la région qu’il chiffre.</translation>
    </message>
    <message>
        <source>The disk encryption set “%1” is in subscription %2; it must be in the image&apos;s subscription, %3.</source>
        <translation>Le jeu de chiffrement de disque «&#xa0;%1&#xa0;» se trouve dans l’abonnement %2&#x202f;; il doit se trouver dans l’abonnement de l’image, %3.</translation>
    </message>
    <message>
        <source>Disk encryption sets given by name are looked up, as the Azure CLI does, in resource group %1 of subscription %2.</source>
        <translation>Les jeux de chiffrement de disque indiqués par leur nom sont recherchés, comme le fait Azure CLI, dans le groupe de ressources %1 de l’abonnement %2.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <source>The end-of-life date “%1” is not a date (YYYY-MM-DD).</source>
        <translation>La date de fin de vie «&#xa0;%1&#xa0;» n’est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>The Azure CLI sends the end-of-life date %1 as 12:59:59 UTC that day; the draft keeps the date, which the wizard sends as midnight UTC.</source>
        <translation>Azure CLI envoie la date de fin de vie %1 sous la forme 12:59:59 UTC ce jour-là&#x202f;; le brouillon garde la date, que l’Assistant envoie à minuit UTC.</translation>
    </message>
    <message>
        <source>The draft keeps only the date of the end of life “%1”; the wizard sends it as midnight UTC.</source>
        <translation>Le brouillon ne garde que la date de la fin de vie «&#xa0;%1&#xa0;»&#x202f;; l’Assistant l’envoie à minuit UTC.</translation>
    </message>
    <message>
        <source>“%1” looks like a placeholder; replace it with the real value.</source>
        <translation>«&#xa0;%1&#xa0;» ressemble à un espace réservé&#x202f;; remplacez-le par la vraie valeur.</translation>
    </message>
    <message>
        <source>The command names disk encryption sets without saying their type; the draft assumes encryption at rest with a customer-managed key. When the wizard reads the sets, it takes their own encryption type (and reports sets whose types differ).</source>
        <translation>La commande nomme des jeux de chiffrement de disque sans préciser leur type&#x202f;; le brouillon suppose le chiffrement au repos avec une clé gérée par le client. Quand l’Assistant lit les jeux, il reprend leur propre type de chiffrement (et signale les jeux dont les types diffèrent).</translation>
    </message>
    <message>
        <source>--target-region-cvm-encryption gives the confidential VM encryption of each target region: add --target-regions, with one value per region in the same order.</source>
        <translation>--target-region-cvm-encryption donne le chiffrement de machine virtuelle confidentielle de chaque région cible&#xa0;: ajoutez --target-regions, avec une valeur par région dans le même ordre.</translation>
    </message>
</context>
<context>
    <name>CheckDesCommandText</name>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>EMPLACEMENT</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <source>FINDINGS</source>
        <translation>CONSTATS</translation>
    </message>
    <message>
        <source>Checks the keys behind Disk Encryption Sets: the set, its key vault, its key and the access of its identity, with the fix of each problem (docs/des-health.md). Exit code 0 when no set has an error, 5 when one has, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem.</source>
        <translation>Vérifie les clés des jeux de chiffrement de disque&#xa0;: le jeu, son coffre de clés, sa clé et l’accès de son identité, avec la correction de chaque problème (docs/des-health.md). Code de sortie 0 quand aucun jeu n’a d’erreur, 5 quand un jeu en a, 2 pour une entrée non valide, 3 pour une erreur Azure, 4 pour un problème de connexion.</translation>
    </message>
    <message>
        <source>Check this set only (resource ID); may be given several times.</source>
        <translation>Vérifier ce jeu uniquement (ID de ressource)&#x202f;; peut être donnée plusieurs fois.</translation>
    </message>
    <message>
        <source>--subscription (or --id) is required.</source>
        <translation>--subscription (ou --id) est obligatoire.</translation>
    </message>
    <message>
        <source>“%1” is not the resource ID of a disk encryption set.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID de ressource d’un jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Invalid subscription ID “%1”.</source>
        <translation>ID d’abonnement non valide&#xa0;: «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Could not list the disk encryption sets: %1</source>
        <translation>Impossible de lister les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not read the disk encryption sets: %1</source>
        <translation>Impossible de lire les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>No disk encryption set to check.</source>
        <translation>Aucun jeu de chiffrement de disque à vérifier.</translation>
    </message>
</context>
<context>
    <name>ConfidentialVmValidation</name>
    <message>
        <source>Only the VM guest state is encrypted, with a platform-managed key.</source>
        <translation>Seul l’état invité de la machine virtuelle est chiffré, avec une clé gérée par la plateforme.</translation>
    </message>
    <message>
        <source>The OS disk and the VM guest state are encrypted with a platform-managed key.</source>
        <translation>Le disque de système d’exploitation et l’état invité de la machine virtuelle sont chiffrés avec une clé gérée par la plateforme.</translation>
    </message>
    <message>
        <source>The OS disk and the VM guest state are encrypted with a customer-managed key, held by a secure-VM disk encryption set.</source>
        <translation>Le disque de système d’exploitation et l’état invité de la machine virtuelle sont chiffrés avec une clé gérée par le client, portée par un jeu de chiffrement de disque de machine virtuelle sécurisée.</translation>
    </message>
    <message>
        <source>The virtual TPM state is not kept; the only type that can be replicated to other regions.</source>
        <translation>L’état du TPM virtuel n’est pas conservé&#x202f;; c’est le seul type qui peut être répliqué dans d’autres régions.</translation>
    </message>
    <message>
        <source>%1: the regional encryption.osDiskImage.securityProfile.type must be specified when the SecurityType of the image definition is ConfidentialVM. Choose a confidential VM encryption type.</source>
        <translation>%1&#xa0;: le encryption.osDiskImage.securityProfile.type régional doit être indiqué quand le SecurityType de la définition d’image est ConfidentialVM. Choisissez un type de chiffrement de machine virtuelle confidentielle.</translation>
    </message>
    <message>
        <source>The confidential VM encryption type “%1” of %2 is not one of %3.</source>
        <translation>Le type de chiffrement de machine virtuelle confidentielle «&#xa0;%1&#xa0;» de %2 n’est pas l’un de %3.</translation>
    </message>
    <message>
        <source>Only the home region &apos;%1&apos; can be specified as a target region for Images with the ConfidentialVM feature unless the Confidential VM encryption type is set to &apos;NonPersistedTPM&apos;. Remove %2 or set its type to NonPersistedTPM.</source>
        <translation>Seule la région d’origine «&#xa0;%1&#xa0;» peut être une région cible des images dotées de la fonctionnalité ConfidentialVM, sauf si le type de chiffrement de machine virtuelle confidentielle est «&#xa0;NonPersistedTPM&#xa0;». Retirez %2 ou choisissez le type NonPersistedTPM pour cette région.</translation>
    </message>
    <message>
        <source>Choose a secure-VM disk encryption set (type %1) for %2: the confidential VM encryption type EncryptedWithCmk needs one.</source>
        <translation>Choisissez un jeu de chiffrement de disque de machine virtuelle sécurisée (type %1) pour %2&#xa0;: le type de chiffrement de machine virtuelle confidentielle EncryptedWithCmk en demande un.</translation>
    </message>
    <message>
        <source>%1 has a secure-VM disk encryption set, which only the confidential VM encryption type EncryptedWithCmk uses: choose EncryptedWithCmk or clear the set.</source>
        <translation>%1 a un jeu de chiffrement de disque de machine virtuelle sécurisée, que seul le type de chiffrement de machine virtuelle confidentielle EncryptedWithCmk utilise&#xa0;: choisissez EncryptedWithCmk ou retirez le jeu.</translation>
    </message>
    <message>
        <source>The secure-VM disk encryption set “%1” of %2 is not in that region, not in this subscription, or not of type %3.</source>
        <translation>Le jeu de chiffrement de disque de machine virtuelle sécurisée «&#xa0;%1&#xa0;» de %2 n’est pas dans cette région, pas dans cet abonnement ou pas du type %3.</translation>
    </message>
    <message>
        <source>The target regions have a confidential VM encryption type, but the image definition %1 is not a Confidential VM image (SecurityType ConfidentialVM or ConfidentialVMSupported). Remove the confidential VM encryption.</source>
        <translation>Les régions cibles ont un type de chiffrement de machine virtuelle confidentielle, mais la définition d’image %1 n’est pas une image de machine virtuelle confidentielle (SecurityType ConfidentialVM ou ConfidentialVMSupported). Retirez le chiffrement de machine virtuelle confidentielle.</translation>
    </message>
</context>
<context>
    <name>DesFixRunner</name>
    <message>
        <source>The key vault of %1 could not be read, so it cannot be fixed from here.</source>
        <translation>Le coffre de clés de %1 n’a pas pu être lu&#xa0;: il ne peut pas être corrigé d’ici.</translation>
    </message>
    <message>
        <source>There is nothing the app can fix by itself here; use the commands shown.</source>
        <translation>L’application ne peut rien corriger seule ici&#x202f;; utilisez les commandes affichées.</translation>
    </message>
</context>
<context>
    <name>DesHealth</name>
    <message>
        <source>The disk encryption set %1 is in provisioning state %2: Azure cannot encrypt with it until an update of the set succeeds.</source>
        <translation>Le jeu de chiffrement de disque %1 est dans l’état d’approvisionnement %2&#xa0;: Azure ne peut pas chiffrer avec lui tant qu’une mise à jour du jeu n’a pas réussi.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 is still being provisioned (%2); check it again once it reads Succeeded.</source>
        <translation>Le jeu de chiffrement de disque %1 est encore en cours d’approvisionnement (%2)&#x202f;; vérifiez-le de nouveau quand il indique Succeeded.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 is for confidential VM disks (ConfidentialVmEncryptedWithCustomerKey); the encryption of image version regions uses customer-key or double-encryption sets.</source>
        <translation>Le jeu de chiffrement de disque %1 sert aux disques de machines virtuelles confidentielles (ConfidentialVmEncryptedWithCustomerKey)&#x202f;; le chiffrement des régions d’une version d’image utilise des jeux à clé gérée par le client ou à double chiffrement.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 has an encryption type Azure does not know: “%2”.</source>
        <translation>Le jeu de chiffrement de disque %1 a un type de chiffrement qu’Azure ne connaît pas&#xa0;: «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <source>Automatic key rotation of %1 stopped with %2: %3 Azure tries again only once the cause is fixed.</source>
        <translation>La rotation automatique de clé de %1 s’est arrêtée avec %2&#xa0;: %3 Azure ne réessaie qu’une fois la cause corrigée.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 has no managed identity, so it cannot reach any key vault.</source>
        <translation>Le jeu de chiffrement de disque %1 n’a pas d’identité managée&#xa0;: il ne peut atteindre aucun coffre de clés.</translation>
    </message>
    <message>
        <source>The key URL of %1 (“%2”) is not a Key Vault key URL.</source>
        <translation>L’URL de clé de %1 («&#xa0;%2&#xa0;») n’est pas une URL de clé Key Vault.</translation>
    </message>
    <message>
        <source>The key URL of %1 (%2) names no key version; Azure needs a versioned key URL.</source>
        <translation>L’URL de clé de %1 (%2) ne nomme aucune version de clé&#x202f;; Azure exige une URL de clé avec version.</translation>
    </message>
    <message>
        <source>The key of %1 is in the Managed HSM %2, whose access is granted inside the HSM (local RBAC): it cannot be verified through Azure Resource Manager.</source>
        <translation>La clé de %1 est dans le HSM managé %2, dont l’accès est accordé dans le HSM (RBAC local)&#xa0;: il ne peut pas être vérifié par Azure Resource Manager.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 uses a key in another tenant (federated client %2): its access cannot be verified from this tenant.</source>
        <translation>Le jeu de chiffrement de disque %1 utilise une clé d’un autre locataire (client fédéré %2)&#xa0;: son accès ne peut pas être vérifié depuis ce locataire.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 names no source vault (its key %2 is in another subscription): the vault cannot be verified.</source>
        <translation>Le jeu de chiffrement de disque %1 ne nomme pas de coffre source (sa clé %2 est dans un autre abonnement)&#xa0;: le coffre ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>The key URL of %1 points to key vault %2, but its source vault is %3.</source>
        <translation>L’URL de clé de %1 désigne le coffre de clés %2, mais son coffre source est %3.</translation>
    </message>
    <message>
        <source>The key vault %1 of disk encryption set %2 does not exist (deleted?): the set cannot encrypt until the vault is recovered.</source>
        <translation>Le coffre de clés %1 du jeu de chiffrement de disque %2 n’existe pas (supprimé&#x202f;?)&#xa0;: le jeu ne peut pas chiffrer tant que le coffre n’est pas récupéré.</translation>
    </message>
    <message>
        <source>The key vault %1 could not be read (%2), so the access of %3 to its key cannot be verified.</source>
        <translation>Le coffre de clés %1 n’a pas pu être lu (%2)&#xa0;: l’accès de %3 à sa clé ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>The key vault %1 is in tenant %2 but the identity of %3 is in tenant %4: the set cannot use the key.</source>
        <translation>Le coffre de clés %1 est dans le locataire %2 mais l’identité de %3 est dans le locataire %4&#xa0;: le jeu ne peut pas utiliser la clé.</translation>
    </message>
    <message>
        <source>Soft delete is off on key vault %1: a deleted key of %2 would be lost for good, with every disk it encrypts.</source>
        <translation>La suppression réversible est désactivée sur le coffre de clés %1&#xa0;: une clé supprimée de %2 serait perdue définitivement, avec tous les disques qu’elle chiffre.</translation>
    </message>
    <message>
        <source>Purge protection is off on key vault %1: the key of %2 could be purged while deleted, and its disks lost. Azure asks for it on vaults of disk encryption sets; enabling it cannot be undone.</source>
        <translation>La protection contre le vidage est désactivée sur le coffre de clés %1&#xa0;: la clé de %2 pourrait être vidée une fois supprimée, et ses disques perdus. Azure la demande sur les coffres des jeux de chiffrement de disque&#x202f;; son activation est irréversible.</translation>
    </message>
    <message>
        <source>The firewall of key vault %1 closes public access without letting trusted Azure services through: %2 cannot reach its key.</source>
        <translation>Le pare-feu du coffre de clés %1 ferme l’accès public sans laisser passer les services Azure approuvés&#xa0;: %2 ne peut pas atteindre sa clé.</translation>
    </message>
    <message>
        <source>Public network access is disabled on key vault %1; trusted Azure services, disk encryption sets among them, still get through.</source>
        <translation>L’accès au réseau public est désactivé sur le coffre de clés %1&#x202f;; les services Azure approuvés, dont les jeux de chiffrement de disque, passent toujours.</translation>
    </message>
    <message>
        <source>The key vault %1 is in %2 and the disk encryption set %3 in %4: an outage of %2 also stops the disks of %4.</source>
        <translation>Le coffre de clés %1 est en %2 et le jeu de chiffrement de disque %3 en %4&#xa0;: une panne en %2 arrête aussi les disques en %4.</translation>
    </message>
    <message>
        <source>The identity of %1 (%2) lacks the key permissions %3 in the access policies of key vault %4: Azure will fail to encrypt with it (KeyVaultAccessForbidden).</source>
        <translation>Il manque à l’identité de %1 (%2) les autorisations de clé %3 dans les stratégies d’accès du coffre de clés %4&#xa0;: Azure ne pourra pas chiffrer avec ce jeu (KeyVaultAccessForbidden).</translation>
    </message>
    <message>
        <source>The role assignments on key vault %1 could not be read (%2), so the access of %3 cannot be verified.</source>
        <translation>Les attributions de rôle du coffre de clés %1 n’ont pas pu être lues (%2)&#xa0;: l’accès de %3 ne peut pas être vérifié.</translation>
    </message>
    <message>
        <source>The identity of %1 (%2) has no role that lets it use the keys of key vault %3 (RBAC): it needs Key Vault Crypto Service Encryption User (or Crypto User, Crypto Officer, Administrator) on the vault, the key, its resource group or subscription.</source>
        <translation>L’identité de %1 (%2) n’a aucun rôle qui lui permette d’utiliser les clés du coffre de clés %3 (RBAC)&#xa0;: il lui faut Key Vault Crypto Service Encryption User (ou Crypto User, Crypto Officer, Administrator) sur le coffre, la clé, son groupe de ressources ou son abonnement.</translation>
    </message>
    <message>
        <source>The key %1 used by %2 is disabled.</source>
        <translation>La clé %1 utilisée par %2 est désactivée.</translation>
    </message>
    <message>
        <source>The key %1 used by %2 expired on %3.</source>
        <translation>La clé %1 utilisée par %2 a expiré le %3.</translation>
    </message>
    <message numerus="yes">
        <source>The key %1 used by %2 expires on %3, in %n day(s).</source>
        <translation>
            <numerusform>La clé %1 utilisée par %2 expire le %3, dans %n jour.</numerusform>
            <numerusform>La clé %1 utilisée par %2 expire le %3, dans %n jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>The key %1 used by %2 is not valid before %3.</source>
        <translation>La clé %1 utilisée par %2 n’est pas valide avant le %3.</translation>
    </message>
    <message>
        <source>The key %1 used by %2 does not exist in key vault %3.</source>
        <translation>La clé %1 utilisée par %2 n’existe pas dans le coffre de clés %3.</translation>
    </message>
    <message>
        <source>The key %1 of key vault %2 could not be read (%3): it cannot be verified.</source>
        <translation>La clé %1 du coffre de clés %2 n’a pas pu être lue (%3)&#xa0;: elle ne peut pas être vérifiée.</translation>
    </message>
    <message>
        <source>The key %1 is of type %2; disk encryption sets need an RSA or RSA-HSM key.</source>
        <translation>La clé %1 est de type %2&#x202f;; les jeux de chiffrement de disque exigent une clé RSA ou RSA-HSM.</translation>
    </message>
    <message>
        <source>The key %1 is %2 bits long; disk encryption sets need 2048, 3072 or 4096 bits.</source>
        <translation>La clé %1 fait %2 bits&#x202f;; les jeux de chiffrement de disque exigent 2048, 3072 ou 4096 bits.</translation>
    </message>
    <message>
        <source>The key %1 does not allow %2, which disk encryption needs.</source>
        <translation>La clé %1 n’autorise pas %2, dont le chiffrement de disque a besoin.</translation>
    </message>
    <message>
        <source>The key %1 has a newer version (%2) than the one %3 uses, and automatic key rotation is off: the set keeps its version until it is updated.</source>
        <translation>La clé %1 a une version plus récente (%2) que celle qu’utilise %3, et la rotation automatique de clé est désactivée&#xa0;: le jeu garde sa version jusqu’à sa mise à jour.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 does not exist.</source>
        <translation>Le jeu de chiffrement de disque %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 could not be read (%2), so its key cannot be checked.</source>
        <translation>Le jeu de chiffrement de disque %1 n’a pas pu être lu (%2)&#xa0;: sa clé ne peut pas être vérifiée.</translation>
    </message>
    <message>
        <source>info</source>
        <translation>information</translation>
    </message>
    <message>
        <source>cannot verify</source>
        <translation>invérifiable</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>%1 [%2]: %3</source>
        <extracomment>One finding of a key&apos;s health: %1 severity (error, warning...), %2 its stable code, %3 its message</extracomment>
        <translation>%1 [%2]&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>DesHealthView</name>
    <message>
        <source>Key of %1: %2</source>
        <extracomment>Tooltip heading: %1 a disk encryption set, %2 its key&apos;s status (OK, warning, error, cannot verify)</extracomment>
        <translation>Clé de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Correction&#xa0;:</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>Grant key access</source>
        <translation>Accorder l’accès à la clé</translation>
    </message>
    <message>
        <source>Enable purge protection…</source>
        <translation>Activer la protection contre le vidage…</translation>
    </message>
</context>
<context>
    <name>DesSetupRunner</name>
    <message>
        <source>A subscription, a resource group and a region are needed.</source>
        <translation>Il faut un abonnement, un groupe de ressources et une région.</translation>
    </message>
    <message>
        <source>The encryption type must be %1 or %2.</source>
        <translation>Le type de chiffrement doit être %1 ou %2.</translation>
    </message>
    <message>
        <source>The key vault name “%1” is not valid: 3 to 24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, without “--”.</source>
        <translation>Le nom de coffre de clés «&#xa0;%1&#xa0;» n’est pas valide&#xa0;: 3 à 24 lettres, chiffres et traits d’union, commençant par une lettre, finissant par une lettre ou un chiffre, sans «&#xa0;--&#xa0;».</translation>
    </message>
    <message>
        <source>The key name “%1” is not valid: 1 to 127 letters, digits and hyphens.</source>
        <translation>Le nom de clé «&#xa0;%1&#xa0;» n’est pas valide&#xa0;: 1 à 127 lettres, chiffres et traits d’union.</translation>
    </message>
    <message>
        <source>The disk encryption set name “%1” is not valid: 1 to 80 letters, digits, “_” and “-”.</source>
        <translation>Le nom de jeu de chiffrement de disque «&#xa0;%1&#xa0;» n’est pas valide&#xa0;: 1 à 80 lettres, chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>The key size must be 2048, 3072 or 4096 bits.</source>
        <translation>La taille de clé doit être 2048, 3072 ou 4096 bits.</translation>
    </message>
    <message>
        <source>Key vault %1 with purge protection (RBAC)</source>
        <translation>Coffre de clés %1 avec protection contre le vidage (RBAC)</translation>
    </message>
    <message>
        <source>Key vault %1 with purge protection (access policies)</source>
        <translation>Coffre de clés %1 avec protection contre le vidage (stratégies d’accès)</translation>
    </message>
    <message>
        <source>RSA key %1 (%2 bits)</source>
        <translation>Clé RSA %1 (%2 bits)</translation>
    </message>
    <message>
        <source>Disk encryption set %1 with a system-assigned identity</source>
        <translation>Jeu de chiffrement de disque %1 avec une identité affectée par le système</translation>
    </message>
    <message>
        <source>Get, wrap and unwrap on the key for the identity of %1</source>
        <translation>Get, wrap et unwrap sur la clé pour l’identité de %1</translation>
    </message>
    <message>
        <source>Health check of %1</source>
        <translation>Vérification d’intégrité de %1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>created</source>
        <translation>créé</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>déjà présent</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>The resource group %1 does not exist in subscription %2; create it first (az group create).</source>
        <translation>Le groupe de ressources %1 n’existe pas dans l’abonnement %2&#x202f;; créez-le d’abord (az group create).</translation>
    </message>
    <message>
        <source>The disk encryption set %1 already exists with encryption type %2.</source>
        <translation>Le jeu de chiffrement de disque %1 existe déjà avec le type de chiffrement %2.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 has no managed identity to grant.</source>
        <translation>Le jeu de chiffrement de disque %1 n’a pas d’identité managée à autoriser.</translation>
    </message>
    <message>
        <source>The identity of %1 is not visible in Microsoft Entra ID yet; trying again in %L2 s.</source>
        <translation>L’identité de %1 n’est pas encore visible dans Microsoft Entra ID&#x202f;; nouvel essai dans %L2 s.</translation>
    </message>
</context>
<context>
    <name>DraftJsonReader</name>
    <message>
        <source>The draft field “%1” must be a text.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être un texte.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be a whole number.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être un nombre entier.</translation>
    </message>
    <message>
        <source>The draft field “%1” is out of range.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon est hors limites.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be true or false.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit valoir true ou false.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be a list.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être une liste.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be an object.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être un objet.</translation>
    </message>
    <message>
        <source>Every entry of the draft field “%1” must be an object.</source>
        <translation>Chaque entrée du champ «&#xa0;%1&#xa0;» du brouillon doit être un objet.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be a list of texts.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être une liste de textes.</translation>
    </message>
    <message>
        <source>The draft field “%1” must be a list of whole numbers.</source>
        <translation>Le champ «&#xa0;%1&#xa0;» du brouillon doit être une liste de nombres entiers.</translation>
    </message>
</context>
<context>
    <name>DraftStore</name>
    <message>
        <source>Cannot read the draft %1: %2</source>
        <translation>Impossible de lire le brouillon %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The draft %1 is not valid JSON.</source>
        <translation>Le brouillon %1 n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The draft %1 cannot be used: %2</source>
        <translation>Le brouillon %1 est inutilisable&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cannot save the draft to %1: %2</source>
        <translation>Impossible d’enregistrer le brouillon dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ExportCommandText</name>
    <message>
        <source>Writes the exact equivalent of a draft&apos;s image-version request as an Azure CLI command, a PowerShell script, an ARM deployment template or a Bicep file. Exit code 0 on success, 2 for an unreadable draft or a bad option.</source>
        <translation>Écrit l’équivalent exact de la requête de version d’image d’un brouillon sous forme de commande Azure CLI, de script PowerShell, de modèle de déploiement ARM ou de fichier Bicep. Code de sortie 0 en cas de réussite, 2 pour un brouillon illisible ou une option incorrecte.</translation>
    </message>
    <message>
        <source>Draft file (JSON, see docs/draft-format.md).</source>
        <translation>Fichier de brouillon (JSON, voir docs/draft-format.md).</translation>
    </message>
    <message>
        <source>Output format: az, powershell, arm or bicep.</source>
        <translation>Format de sortie&#xa0;: az, powershell, arm ou bicep.</translation>
    </message>
    <message>
        <source>Write to this file instead of the standard output.</source>
        <translation>Écrire dans ce fichier au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>--draft is required.</source>
        <translation>--draft est obligatoire.</translation>
    </message>
    <message>
        <source>--format must be az, powershell, arm or bicep, not “%1”.</source>
        <translation>--format doit valoir az, powershell, arm ou bicep, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The draft %1 could not be read: %2</source>
        <translation>Impossible de lire le brouillon %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Warning: the draft is not ready to create: %1</source>
        <translation>Avertissement&#xa0;: le brouillon n’est pas prêt pour la création&#xa0;: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>FleetAuditReport</name>
    <message numerus="yes">
        <source>Audited %n image version(s)</source>
        <translation>
            <numerusform>%n version d’image auditée</numerusform>
            <numerusform>%n versions d’image auditées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with findings</source>
        <translation>
            <numerusform>%n avec des constats</numerusform>
            <numerusform>%n avec des constats</numerusform>
        </translation>
    </message>
    <message>
        <source>Encryption: %1.</source>
        <translation>Chiffrement&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Subscription %1 was not reviewed: %2</source>
        <translation>L’abonnement %1 n’a pas été examiné&#xa0;: %2</translation>
    </message>
    <message>
        <source>The audit was cancelled: these are the versions found until then.</source>
        <translation>L’audit a été annulé&#xa0;: voici les versions trouvées jusque-là.</translation>
    </message>
    <message>
        <source>Image version audit</source>
        <translation>Audit des versions d’image</translation>
    </message>
    <message>
        <source>Image versions</source>
        <translation>Versions d’image</translation>
    </message>
    <message>
        <source>With findings</source>
        <translation>Avec des constats</translation>
    </message>
    <message>
        <source>Subscriptions reviewed</source>
        <translation>Abonnements examinés</translation>
    </message>
    <message>
        <source>Findings by code</source>
        <translation>Constats par code</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Audited at %1</source>
        <translation>Audit effectué le %1</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Creates Azure Compute Gallery image versions encrypted with your own keys.</source>
        <translation>Crée des versions d’image de la galerie de calcul Azure chiffrées avec vos propres clés.</translation>
    </message>
    <message>
        <source>Open this draft file, and keep saving the wizard&apos;s state to it.</source>
        <translation>Ouvrir ce fichier de brouillon et y enregistrer en continu l’état de l’Assistant.</translation>
    </message>
    <message>
        <source>Save a picture of every page into DIR and quit (with --sandbox: filled with the demo data).</source>
        <translation>Enregistrer une image de chaque page dans DIR, puis quitter (avec --sandbox&#xa0;: remplie avec les données de démonstration).</translation>
    </message>
    <message>
        <source>cmkwizard</source>
        <translation>cmkwizard</translation>
    </message>
    <message>
        <source>Resume your draft?</source>
        <translation>Reprendre votre brouillon&#x202f;?</translation>
    </message>
    <message>
        <source>You did not finish the image version you were preparing (last saved %1). Resume where you left off?</source>
        <translation>Vous n’avez pas terminé la version d’image que vous prépariez (dernier enregistrement&#xa0;: %1). Reprendre là où vous vous étiez arrêté&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Start over</source>
        <translation>Recommencer à &amp;zéro</translation>
    </message>
    <message>
        <source>Draft not saved</source>
        <translation>Brouillon non enregistré</translation>
    </message>
    <message>
        <source>Open review mode instead of the wizard: browse to an existing image version, or review the one whose resource ID follows.</source>
        <translation>Ouvrir le mode examen au lieu de l’Assistant&#xa0;: parcourir jusqu’à une version d’image existante, ou examiner celle dont l’ID de ressource suit.</translation>
    </message>
    <message>
        <source>With --review: the resource ID of the image version to review.</source>
        <translation>Avec --review&#xa0;: l’ID de ressource de la version d’image à examiner.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>--review takes one resource ID: “%1” is one argument too many.</source>
        <translation>--review prend un seul ID de ressource&#xa0;: «&#xa0;%1&#xa0;» est un argument de trop.</translation>
    </message>
    <message>
        <source>Commands (cmkwizard COMMAND --help for their options):</source>
        <translation>Commandes (cmkwizard COMMANDE --help pour leurs options)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ImageVersionDraft</name>
    <message>
        <source>A draft must be a JSON object.</source>
        <translation>Un brouillon doit être un objet JSON.</translation>
    </message>
    <message>
        <source>This draft has format version %1; this program reads version %2 and older.</source>
        <translation>Ce brouillon est au format version %1&#x202f;; ce programme lit la version %2 et les précédentes.</translation>
    </message>
    <message>
        <source>Unknown source kind “%1” in the draft.</source>
        <translation>Type de source inconnu «&#xa0;%1&#xa0;» dans le brouillon.</translation>
    </message>
    <message>
        <source>The end-of-life date “%1” in the draft is not a date (YYYY-MM-DD).</source>
        <translation>La date de fin de vie «&#xa0;%1&#xa0;» du brouillon n’est pas une date (AAAA-MM-JJ).</translation>
    </message>
    <message>
        <source>Unknown encryption type “%1” in the draft.</source>
        <translation>Type de chiffrement inconnu «&#xa0;%1&#xa0;» dans le brouillon.</translation>
    </message>
    <message>
        <source>Unknown draft mode “%1” in the draft.</source>
        <translation>Mode de brouillon inconnu «&#xa0;%1&#xa0;» dans le brouillon.</translation>
    </message>
</context>
<context>
    <name>ImageVersionExporter</name>
    <message>
        <source>Azure CLI</source>
        <translation>Azure CLI</translation>
    </message>
    <message>
        <source>PowerShell</source>
        <translation>PowerShell</translation>
    </message>
    <message>
        <source>ARM template</source>
        <translation>Modèle ARM</translation>
    </message>
    <message>
        <source>Bicep</source>
        <translation>Bicep</translation>
    </message>
    <message>
        <source>The region name “%1” cannot be written in --target-regions.</source>
        <translation>Le nom de région «&#xa0;%1&#xa0;» ne peut pas être écrit dans --target-regions.</translation>
    </message>
    <message>
        <source>The data disk at LUN %1 has no disk encryption set in region %2; the command leaves it out of --target-region-encryption.</source>
        <translation>Le disque de données au LUN %1 n’a pas de jeu de chiffrement de disque dans la région %2&#x202f;; la commande l’omet de --target-region-encryption.</translation>
    </message>
    <message>
        <source>The disk encryption set “%1” contains a comma, which --target-region-encryption cannot carry.</source>
        <translation>Le jeu de chiffrement de disque «&#xa0;%1&#xa0;» contient une virgule, que --target-region-encryption ne peut pas transmettre.</translation>
    </message>
    <message>
        <source>The tag name “%1” cannot be written in --tags.</source>
        <translation>Le nom d’étiquette «&#xa0;%1&#xa0;» ne peut pas être écrit dans --tags.</translation>
    </message>
    <message>
        <source>Creates image version %1 of image definition %2 in gallery %3. Deploy it to resource group %4 of subscription %5.</source>
        <translation>Crée la version d’image %1 de la définition d’image %2 dans la galerie %3. Déployez-le dans le groupe de ressources %4 de l’abonnement %5.</translation>
    </message>
    <message>
        <source>The OS disk of this image version comes from a VHD, which the wizard cannot use as a source.</source>
        <translation>Le disque de SE de cette version d’image provient d’un VHD, que l’Assistant ne peut pas utiliser comme source.</translation>
    </message>
    <message>
        <source>Region %1 is excluded from “latest” on its own; the draft cannot keep that per-region setting.</source>
        <translation>La région %1 est exclue de «&#xa0;latest&#xa0;» à elle seule&#x202f;; le brouillon ne peut pas conserver ce paramètre par région.</translation>
    </message>
    <message>
        <source>Region %1 has no confidential VM encryption type, but --target-region-cvm-encryption needs one for every target region; the command leaves the option out.</source>
        <translation>La région %1 n’a pas de type de chiffrement de machine virtuelle confidentielle, mais --target-region-cvm-encryption en demande un pour chaque région cible&#x202f;; la commande omet cette option.</translation>
    </message>
</context>
<context>
    <name>ImageVersionLiveCheck</name>
    <message>
        <source>The image definition %1 does not exist in gallery %2 of resource group %3.</source>
        <translation>La définition d’image %1 n’existe pas dans la galerie %2 du groupe de ressources %3.</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>data disk snapshot (LUN %1)</source>
        <translation>instantané de disque de données, LUN %1</translation>
    </message>
    <message>
        <source>The %1 “%2” is not a resource ID.</source>
        <translation>«&#xa0;%2&#xa0;» (%1) n’est pas un ID de ressource.</translation>
    </message>
    <message>
        <source>The %1 %2 is in subscription %3, not in the image&apos;s subscription %4.</source>
        <translation>%2 (%1) se trouve dans l’abonnement %3, et non dans l’abonnement de l’image, %4.</translation>
    </message>
    <message>
        <source>The %1 %2 does not exist.</source>
        <translation>%2 (%1) n’existe pas.</translation>
    </message>
    <message>
        <source>The %1 %2 is in %3; it must be in the image version&apos;s location, %4.</source>
        <translation>%2 (%1) se trouve dans %3, alors qu’il faut l’emplacement de la version d’image, %4.</translation>
    </message>
    <message>
        <source>The region %1 is not available in subscription %2.</source>
        <translation>La région %1 n’est pas disponible dans l’abonnement %2.</translation>
    </message>
    <message>
        <source>The source&apos;s data disks are at LUN %1, but the draft lists other LUNs; update “dataDiskLuns” in the draft.</source>
        <translation>Les disques de données de la source sont aux LUN %1, mais le brouillon indique d’autres LUN&#x202f;; mettez à jour «&#xa0;dataDiskLuns&#xa0;» dans le brouillon.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>ImageVersionSubmitter</name>
    <message>
        <source>No connection to Azure.</source>
        <translation>Aucune connexion à Azure.</translation>
    </message>
    <message>
        <source>Sending the request to Azure…</source>
        <translation>Envoi de la requête à Azure…</translation>
    </message>
    <message>
        <source>Creating the image version (status: %1)…</source>
        <translation>Création de la version d’image (statut&#xa0;: %1)…</translation>
    </message>
    <message>
        <source>The image version exists; replicating it to the target regions…</source>
        <translation>La version d’image existe&#x202f;; réplication vers les régions cibles…</translation>
    </message>
    <message>
        <source>The image version was created and replicated.</source>
        <translation>La version d’image a été créée et répliquée.</translation>
    </message>
    <message>
        <source>The image version could not be created.</source>
        <translation>La version d’image n’a pas pu être créée.</translation>
    </message>
    <message>
        <source>Stopped watching. What was already sent goes on in Azure.</source>
        <translation>Suivi arrêté. Ce qui a déjà été envoyé continue dans Azure.</translation>
    </message>
    <message>
        <source>Replication failed in: %1.</source>
        <translation>Échec de la réplication dans&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Azure lost track of the operation (%1) and the image version does not exist: nothing was created. Send the request again to create it.</source>
        <translation>Azure a perdu la trace de l’opération (%1) et la version d’image n’existe pas&#xa0;: rien n’a été créé. Renvoyez la demande pour la créer.</translation>
    </message>
    <message>
        <source>The image version ended in the Failed provisioning state.</source>
        <translation>La version d’image s’est terminée dans l’état d’approvisionnement Failed.</translation>
    </message>
    <message>
        <source>The answer to the request was lost (%1), but Azure is creating the image version (state: %2). Wait a few minutes, then try again to follow it.</source>
        <translation>La réponse à la demande a été perdue (%1), mais Azure est en train de créer la version d’image (état&#xa0;: %2). Attendez quelques minutes, puis réessayez pour la suivre.</translation>
    </message>
    <message>
        <source>Updating the image version (status: %1)…</source>
        <translation>Mise à jour de la version d’image (statut&#xa0;: %1)…</translation>
    </message>
    <message>
        <source>The image version is updated; replicating it to the target regions…</source>
        <translation>La version d’image est mise à jour&#x202f;; réplication vers les régions cibles…</translation>
    </message>
    <message>
        <source>The image version was updated and replicated.</source>
        <translation>La version d’image a été mise à jour et répliquée.</translation>
    </message>
    <message>
        <source>The image version could not be updated.</source>
        <translation>La version d’image n’a pas pu être mise à jour.</translation>
    </message>
</context>
<context>
    <name>ImageVersionUpdateDiff</name>
    <message>
        <source>platform-managed key</source>
        <translation>clé gérée par la plateforme</translation>
    </message>
    <message>
        <source>Target region</source>
        <translation>Région cible</translation>
    </message>
    <message>
        <source>replicated</source>
        <translation>répliquée</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>retirée</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajoutée</translation>
    </message>
    <message>
        <source>Replica count</source>
        <translation>Nombre de réplicas</translation>
    </message>
    <message>
        <source>Storage account type</source>
        <translation>Type de compte de stockage</translation>
    </message>
    <message>
        <source>Confidential VM encryption</source>
        <translation>Chiffrement de machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>Secure-VM disk encryption set</source>
        <translation>Jeu de chiffrement de disque de machine virtuelle sécurisée</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Type de chiffrement</translation>
    </message>
    <message>
        <source>Default replica count</source>
        <translation>Nombre de réplicas par défaut</translation>
    </message>
    <message>
        <source>End-of-life date</source>
        <translation>Date de fin de vie</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Exclude from latest</source>
        <translation>Exclure de la plus récente</translation>
    </message>
    <message>
        <source>Tag “%1”</source>
        <translation>Étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
</context>
<context>
    <name>ImageVersionUpdateRules</name>
    <message>
        <source>The home region %1 (the image version&apos;s location) cannot be removed.</source>
        <translation>La région d’origine %1 (l’emplacement de la version d’image) ne peut pas être retirée.</translation>
    </message>
    <message>
        <source>The draft is not an update draft (“mode”: “update”); make one with cmkwizard edit.</source>
        <translation>Ce brouillon n’est pas un brouillon de mise à jour («&#xa0;mode&#xa0;»&#xa0;: «&#xa0;update&#xa0;»)&#x202f;; créez-en un avec cmkwizard edit.</translation>
    </message>
    <message>
        <source>The draft names the image version %1, but it updates %2; the names of an existing version cannot change.</source>
        <translation>Le brouillon nomme la version d’image %1, mais il met à jour %2&#x202f;; les noms d’une version existante ne peuvent pas changer.</translation>
    </message>
    <message>
        <source>The location of an existing image version cannot change (%1, not %2).</source>
        <translation>L’emplacement d’une version d’image existante ne peut pas changer (%1, et non %2).</translation>
    </message>
    <message>
        <source>The source of an existing image version is locked: it stays %1.</source>
        <translation>La source d’une version d’image existante est verrouillée&#xa0;: elle reste %1.</translation>
    </message>
    <message>
        <source>The image version is encrypted with customer-managed keys; it cannot go back to platform-managed keys. Keep the encryption type “%1”.</source>
        <translation>La version d’image est chiffrée avec des clés gérées par le client&#x202f;; elle ne peut pas revenir aux clés gérées par la plateforme. Conservez le type de chiffrement «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The image version is encrypted with “%1”; every region, new or existing, keeps that encryption type (not “%2”).</source>
        <translation>La version d’image est chiffrée avec «&#xa0;%1&#xa0;»&#x202f;; chaque région, nouvelle ou existante, conserve ce type de chiffrement (et non «&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <source>Region %1: the %2 is encrypted with a disk encryption set and keeps one; it cannot go back to platform-managed keys.</source>
        <translation>Région %1&#xa0;: le %2 est chiffré avec un jeu de chiffrement de disque et en conserve un&#x202f;; il ne peut pas revenir aux clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>Removing %1 deletes the image version&apos;s replicas there, which Azure does only when the update allows it (safetyProfile.allowDeletionOfReplicatedLocations): allow the removal of replicated regions (cmkwizard update --allow-region-removal) or keep the region.</source>
        <translation>Retirer %1 supprime les réplicas de la version d’image dans cette région, ce qu’Azure ne fait que si la mise à jour l’autorise (safetyProfile.allowDeletionOfReplicatedLocations)&#xa0;: autorisez le retrait des régions répliquées (cmkwizard update --allow-region-removal) ou conservez la région.</translation>
    </message>
    <message>
        <source>Region %1: the storage account type of an existing target region stays %2 (not %3); Azure refuses the change (“Global storage account type does not match the storage account type in the existing TargetRegion”).</source>
        <translation>Région %1&#xa0;: le type de compte de stockage d’une région cible existante reste %2 (et non %3)&#x202f;; Azure refuse la modification («&#xa0;Global storage account type does not match the storage account type in the existing TargetRegion&#xa0;»).</translation>
    </message>
    <message>
        <source>Removing %1 deletes the image version&apos;s replicas there, which Azure does only when the update allows it (safetyProfile.allowDeletionOfReplicatedLocations): check “Delete the replicas in the removed regions” or add the region again.</source>
        <translation>Retirer %1 supprime les réplicas de la version d’image dans cette région, ce qu’Azure ne fait que si la mise à jour l’autorise (safetyProfile.allowDeletionOfReplicatedLocations)&#xa0;: cochez «&#xa0;Supprimer les réplicas des régions retirées&#xa0;» ou ajoutez de nouveau la région.</translation>
    </message>
</context>
<context>
    <name>ImageVersionValidation</name>
    <message>
        <source>OS disk</source>
        <translation>disque de SE</translation>
    </message>
    <message>
        <source>data disk (LUN %1)</source>
        <translation>disque de données (LUN %1)</translation>
    </message>
    <message>
        <source>Platform-managed key</source>
        <translation>Clé gérée par la plateforme</translation>
    </message>
    <message>
        <source>Encryption at rest with a customer-managed key</source>
        <translation>Chiffrement au repos avec une clé gérée par le client</translation>
    </message>
    <message>
        <source>Double encryption with platform-managed and customer-managed keys</source>
        <translation>Double chiffrement avec les clés gérées par la plateforme et gérées par le client</translation>
    </message>
    <message>
        <source>Enter a version number such as 1.0.0.</source>
        <translation>Entrez un numéro de version, par exemple 1.0.0.</translation>
    </message>
    <message>
        <source>The version number “%1” must have the form MAJOR.MINOR.PATCH, three whole numbers from 0 to 2147483647 separated by dots, such as 1.0.0.</source>
        <translation>Le numéro de version «&#xa0;%1&#xa0;» doit avoir la forme MAJEURE.MINEURE.CORRECTIF&#xa0;: trois nombres entiers de 0 à 2147483647 séparés par des points, par exemple 1.0.0.</translation>
    </message>
    <message>
        <source>Version %1 already exists in this image definition. Choose a number that is not taken.</source>
        <translation>La version %1 existe déjà dans cette définition d’image. Choisissez un numéro libre.</translation>
    </message>
    <message>
        <source>The LUN %1 is out of range: use a number from 0 to %2.</source>
        <translation>Le LUN %1 est hors limites&#xa0;: utilisez un nombre de 0 à %2.</translation>
    </message>
    <message>
        <source>Choose a subscription.</source>
        <translation>Choisissez un abonnement.</translation>
    </message>
    <message>
        <source>Choose a resource group.</source>
        <translation>Choisissez un groupe de ressources.</translation>
    </message>
    <message>
        <source>Choose a gallery.</source>
        <translation>Choisissez une galerie.</translation>
    </message>
    <message>
        <source>Choose an image definition.</source>
        <translation>Choisissez une définition d’image.</translation>
    </message>
    <message>
        <source>Choose a location.</source>
        <translation>Choisissez un emplacement.</translation>
    </message>
    <message>
        <source>Choose the managed image to create the version from.</source>
        <translation>Choisissez l’image managée à partir de laquelle créer la version.</translation>
    </message>
    <message>
        <source>Choose the virtual machine to create the version from.</source>
        <translation>Choisissez la machine virtuelle à partir de laquelle créer la version.</translation>
    </message>
    <message>
        <source>Choose the image version to create the version from.</source>
        <translation>Choisissez la version d’image à partir de laquelle créer la version.</translation>
    </message>
    <message>
        <source>Choose the snapshot of the OS disk.</source>
        <translation>Choisissez l’instantané du disque de SE.</translation>
    </message>
    <message>
        <source>Choose the snapshot of data disk %1.</source>
        <translation>Choisissez l’instantané du disque de données %1.</translation>
    </message>
    <message>
        <source>The LUN %1 is used by more than one data disk; each data disk needs its own LUN.</source>
        <translation>Le LUN %1 est utilisé par plusieurs disques de données&#x202f;; chaque disque de données doit avoir son propre LUN.</translation>
    </message>
    <message>
        <source>Data disk %1 uses the OS disk’s snapshot; choose a data-disk snapshot.</source>
        <translation>Le disque de données %1 utilise l’instantané du disque de SE&#x202f;; choisissez un instantané de disque de données.</translation>
    </message>
    <message>
        <source>Add at least one target region.</source>
        <translation>Ajoutez au moins une région cible.</translation>
    </message>
    <message>
        <source>The first target region must be the image version’s location, %1.</source>
        <translation>La première région cible doit être l’emplacement de la version d’image, %1.</translation>
    </message>
    <message>
        <source>A target region has no name.</source>
        <translation>Une région cible n’a pas de nom.</translation>
    </message>
    <message>
        <source>The region %1 is listed more than once.</source>
        <translation>La région %1 figure plusieurs fois dans la liste.</translation>
    </message>
    <message>
        <source>The replica count of %1 must be between %2 and %3.</source>
        <translation>Le nombre de réplicas de %1 doit être compris entre %2 et %3.</translation>
    </message>
    <message>
        <source>The storage account type “%1” of %2 is not one of %3.</source>
        <translation>Le type de compte de stockage «&#xa0;%1&#xa0;» de %2 ne fait pas partie de %3.</translation>
    </message>
    <message>
        <source>The default replica count must be between %1 and %2.</source>
        <translation>Le nombre de réplicas par défaut doit être compris entre %1 et %2.</translation>
    </message>
    <message>
        <source>The default storage account type “%1” is not one of %2.</source>
        <translation>Le type de compte de stockage par défaut «&#xa0;%1&#xa0;» ne fait pas partie de %2.</translation>
    </message>
    <message>
        <source>The end-of-life date %1 is not in the future.</source>
        <translation>La date de fin de vie %1 n’est pas dans le futur.</translation>
    </message>
    <message>
        <source>An image version created from a virtual machine cannot use customer-managed keys. Choose the platform-managed key, or go back and use a snapshot or a managed image as the source.</source>
        <translation>Une version d’image créée à partir d’une machine virtuelle ne peut pas utiliser de clés gérées par le client. Choisissez la clé gérée par la plateforme, ou revenez en arrière et prenez comme source un instantané ou une image managée.</translation>
    </message>
    <message>
        <source>The region %1 has no disk encryption set of type %2 in this subscription. Disk encryption sets are regional: create one in %1 (see the commands below), then refresh.</source>
        <translation>La région %1 n’a aucun jeu de chiffrement de disque de type %2 dans cet abonnement. Les jeux de chiffrement de disque sont régionaux&#xa0;: créez-en un dans %1 (voir les commandes ci-dessous), puis actualisez.</translation>
    </message>
    <message>
        <source>Choose a disk encryption set for the %1 in %2.</source>
        <translation>Choisissez un jeu de chiffrement de disque pour le %1 dans la région %2.</translation>
    </message>
    <message>
        <source>The disk encryption set “%1” chosen for the %2 in %3 is not in that region, not in this subscription, or not of type %4.</source>
        <translation>Le jeu de chiffrement de disque «&#xa0;%1&#xa0;» choisi pour le %2 dans la région %3 n’est pas dans cette région, pas dans cet abonnement, ou pas de type %4.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Une étiquette doit avoir un nom.</translation>
    </message>
    <message>
        <source>The tag name “%1…” is longer than %2 characters.</source>
        <translation>Le nom d’étiquette «&#xa0;%1…&#xa0;» dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>The tag name “%1” contains “%2”; tag names cannot contain any of &lt; &gt; % &amp; \ ? /.</source>
        <translation>Le nom d’étiquette «&#xa0;%1&#xa0;» contient «&#xa0;%2&#xa0;»&#x202f;; un nom d’étiquette ne peut contenir aucun des caractères &lt; &gt; % &amp; \&#x202f;? /.</translation>
    </message>
    <message>
        <source>The tag value “%1…” is longer than %2 characters.</source>
        <translation>La valeur d’étiquette «&#xa0;%1…&#xa0;» dépasse %2 caractères.</translation>
    </message>
    <message>
        <source>A resource can have at most %1 tags.</source>
        <translation>Une ressource peut avoir au plus %1 étiquettes.</translation>
    </message>
    <message>
        <source>The tag name “%1” is used more than once.</source>
        <translation>Le nom d’étiquette «&#xa0;%1&#xa0;» est utilisé plusieurs fois.</translation>
    </message>
    <message>
        <source>“%1” is not a disk encryption set resource ID.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID de ressource d’un jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Data disk (LUN %1)</source>
        <comment>column title</comment>
        <translation>Disque de données (LUN %1)</translation>
    </message>
    <message>
        <source>OS disk</source>
        <comment>column title</comment>
        <translation>Disque de SE</translation>
    </message>
    <message>
        <source>“%1” is not a usable resource ID.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un ID de ressource utilisable.</translation>
    </message>
    <message>
        <source>The subscription “%1” cannot be used: %2</source>
        <translation>L’abonnement «&#xa0;%1&#xa0;» ne peut pas être utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The resource group “%1” cannot be used: %2</source>
        <translation>Le groupe de ressources «&#xa0;%1&#xa0;» ne peut pas être utilisé&#xa0;: %2</translation>
    </message>
    <message>
        <source>The gallery “%1” cannot be used: %2</source>
        <translation>La galerie «&#xa0;%1&#xa0;» ne peut pas être utilisée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The image definition “%1” cannot be used: %2</source>
        <translation>La définition d’image «&#xa0;%1&#xa0;» ne peut pas être utilisée&#xa0;: %2</translation>
    </message>
    <message>
        <source>The gallery %1 is shared as a community gallery, and Azure does not allow sharing images that use customer-managed keys. Choose the platform-managed key, or a gallery that is not shared.</source>
        <translation>La galerie %1 est partagée en tant que galerie communautaire, et Azure n’autorise pas le partage des images qui utilisent des clés gérées par le client. Choisissez la clé gérée par la plateforme, ou une galerie qui n’est pas partagée.</translation>
    </message>
    <message>
        <source>The gallery %1 is shared with other subscriptions or tenants, and Azure does not allow sharing images that use customer-managed keys. Choose the platform-managed key, or a gallery that is not shared.</source>
        <translation>La galerie %1 est partagée avec d’autres abonnements ou locataires, et Azure n’autorise pas le partage des images qui utilisent des clés gérées par le client. Choisissez la clé gérée par la plateforme, ou une galerie qui n’est pas partagée.</translation>
    </message>
    <message>
        <source>The source image version %1 is encrypted with customer-managed keys, and Azure does not allow copying images that use them. Use the snapshots or the managed image it was made from.</source>
        <translation>La version d’image source %1 est chiffrée avec des clés gérées par le client, et Azure n’autorise pas la copie des images qui les utilisent. Utilisez les instantanés ou l’image managée dont elle est issue.</translation>
    </message>
    <message>
        <source>The disk encryption set “%1” chosen for the %2 in %3 does not exist in the resource group %4. Did you mean %5?</source>
        <extracomment>%1 set name, %2 disk, %3 region, %4 resource group, %5 the full ID of the set meant</extracomment>
        <translation>Le jeu de chiffrement de disque «&#xa0;%1&#xa0;» choisi pour le %2 dans %3 n’existe pas dans le groupe de ressources %4. Vouliez-vous dire %5&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ImportAzCommandText</name>
    <message>
        <source>Reads an “az sig image-version create” command the way the Azure CLI does and writes the equivalent draft. What the CLI would reject is rejected with the CLI&apos;s reason (exit code 2); what the CLI would silently drop or change is reported as a warning on the standard error.</source>
        <translation>Lit une commande «&#xa0;az sig image-version create&#xa0;» comme le fait Azure CLI et écrit le brouillon équivalent. Ce qu’Azure CLI rejetterait est rejeté avec sa raison (code de sortie 2)&#x202f;; ce qu’Azure CLI ignorerait ou modifierait sans prévenir est signalé par un avertissement sur la sortie d’erreur standard.</translation>
    </message>
    <message>
        <source>The command, as pasted (line continuations allowed); - reads it from the standard input.</source>
        <translation>La commande, telle que collée (continuations de ligne autorisées)&#x202f;; - la lit sur l’entrée standard.</translation>
    </message>
    <message>
        <source>Draft file to write (default: the standard output).</source>
        <translation>Fichier de brouillon à écrire (par défaut&#xa0;: la sortie standard).</translation>
    </message>
    <message>
        <source>Subscription to assume when the command has no --subscription (the Azure CLI would use your default one).</source>
        <translation>Abonnement à supposer quand la commande n’a pas de --subscription (Azure CLI utiliserait votre abonnement par défaut).</translation>
    </message>
    <message>
        <source>--command is required.</source>
        <translation>--command est obligatoire.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>KeyVaultNameCheck</name>
    <message>
        <source>The key vault name %1 is taken (key vault names are global): choose another one.</source>
        <translation>Le nom de coffre de clés %1 est pris (les noms de coffres de clés sont globaux)&#xa0;: choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Enter a key vault name.</source>
        <translation>Saisissez un nom de coffre de clés.</translation>
    </message>
    <message>
        <source>The key vault name could not be checked: %1</source>
        <translation>Impossible de vérifier le nom du coffre de clés&#xa0;: %1</translation>
    </message>
    <message>
        <source>The name %1 is available.</source>
        <translation>Le nom %1 est disponible.</translation>
    </message>
    <message>
        <source>The name %1 is not a valid key vault name. %2</source>
        <translation>Le nom %1 n’est pas un nom de coffre de clés valide. %2</translation>
    </message>
    <message>
        <source>The key vault %1 already exists in %2: the set-up uses it.</source>
        <translation>Le coffre de clés %1 existe déjà dans %2&#xa0;: la configuration l’utilise.</translation>
    </message>
</context>
<context>
    <name>PagedReport</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>The PDF file could not be written.</source>
        <translation>Impossible d’écrire le fichier PDF.</translation>
    </message>
</context>
<context>
    <name>PrerequisiteReminder</name>
    <message>
        <source>Prerequisites</source>
        <translation>Prérequis</translation>
    </message>
    <message>
        <source>Preview feature %1</source>
        <translation>Fonctionnalité en préversion %1</translation>
    </message>
    <message>
        <source>Resource provider %1</source>
        <translation>Fournisseur de ressources %1</translation>
    </message>
    <message>
        <source>Not checked: you said customer-managed keys for galleries are generally available in this subscription (Prerequisites page)</source>
        <translation>Non vérifiée&#xa0;: vous avez indiqué que les clés gérées par le client pour les galeries sont en disponibilité générale dans cet abonnement (page Prérequis)</translation>
    </message>
    <message>
        <source>Azure is still registering %1 in subscription %2: Create waits until it reads Registered (the Prerequisites page follows it).</source>
        <translation>Azure inscrit encore %1 dans l’abonnement %2&#xa0;: Créer attend l’état Inscrit (la page Prérequis le suit).</translation>
    </message>
    <message>
        <source>%1 is not registered in subscription %2: register it on the Prerequisites page first, or Azure refuses the image version.</source>
        <translation>%1 n’est pas inscrit dans l’abonnement %2&#xa0;: inscrivez-le d’abord sur la page Prérequis, sinon Azure refuse la version d’image.</translation>
    </message>
</context>
<context>
    <name>RegionNames</name>
    <message>
        <source>East US</source>
        <translation>USA Est</translation>
    </message>
    <message>
        <source>East US 2</source>
        <translation>USA Est 2</translation>
    </message>
    <message>
        <source>South Central US</source>
        <translation>USA Centre Sud</translation>
    </message>
    <message>
        <source>West US 2</source>
        <translation>USA Ouest 2</translation>
    </message>
    <message>
        <source>West US 3</source>
        <translation>USA Ouest 3</translation>
    </message>
    <message>
        <source>Australia East</source>
        <translation>Australie Est</translation>
    </message>
    <message>
        <source>Southeast Asia</source>
        <translation>Asie Sud-Est</translation>
    </message>
    <message>
        <source>North Europe</source>
        <translation>Europe Nord</translation>
    </message>
    <message>
        <source>Sweden Central</source>
        <translation>Suède Centre</translation>
    </message>
    <message>
        <source>UK South</source>
        <translation>Royaume-Uni Sud</translation>
    </message>
    <message>
        <source>West Europe</source>
        <translation>Europe Ouest</translation>
    </message>
    <message>
        <source>Central US</source>
        <translation>USA Centre</translation>
    </message>
    <message>
        <source>South Africa North</source>
        <translation>Afrique du Sud Nord</translation>
    </message>
    <message>
        <source>Central India</source>
        <translation>Inde Centre</translation>
    </message>
    <message>
        <source>East Asia</source>
        <translation>Asie Est</translation>
    </message>
    <message>
        <source>Indonesia Central</source>
        <translation>Indonésie Centre</translation>
    </message>
    <message>
        <source>Japan East</source>
        <translation>Japon Est</translation>
    </message>
    <message>
        <source>Japan West</source>
        <translation>Japon Ouest</translation>
    </message>
    <message>
        <source>Korea Central</source>
        <translation>Corée Centre</translation>
    </message>
    <message>
        <source>Malaysia West</source>
        <translation>Malaisie Ouest</translation>
    </message>
    <message>
        <source>New Zealand North</source>
        <translation>Nouvelle-Zélande Nord</translation>
    </message>
    <message>
        <source>Canada Central</source>
        <translation>Canada Centre</translation>
    </message>
    <message>
        <source>Austria East</source>
        <translation>Autriche Est</translation>
    </message>
    <message>
        <source>Belgium Central</source>
        <translation>Belgique Centre</translation>
    </message>
    <message>
        <source>Denmark East</source>
        <translation>Danemark Est</translation>
    </message>
    <message>
        <source>France Central</source>
        <translation>France Centre</translation>
    </message>
    <message>
        <source>Germany West Central</source>
        <translation>Allemagne Centre-Ouest</translation>
    </message>
    <message>
        <source>Italy North</source>
        <translation>Italie Nord</translation>
    </message>
    <message>
        <source>Norway East</source>
        <translation>Norvège Est</translation>
    </message>
    <message>
        <source>Poland Central</source>
        <translation>Pologne Centre</translation>
    </message>
    <message>
        <source>Spain Central</source>
        <translation>Espagne Centre</translation>
    </message>
    <message>
        <source>Switzerland North</source>
        <translation>Suisse Nord</translation>
    </message>
    <message>
        <source>Mexico Central</source>
        <translation>Mexique Centre</translation>
    </message>
    <message>
        <source>UAE North</source>
        <translation>Émirats arabes unis Nord</translation>
    </message>
    <message>
        <source>Brazil South</source>
        <translation>Brésil Sud</translation>
    </message>
    <message>
        <source>Chile Central</source>
        <translation>Chili Centre</translation>
    </message>
    <message>
        <source>Israel Central</source>
        <translation>Israël Centre</translation>
    </message>
    <message>
        <source>Qatar Central</source>
        <translation>Qatar Centre</translation>
    </message>
    <message>
        <source>North Central US</source>
        <translation>USA Centre Nord</translation>
    </message>
    <message>
        <source>West US</source>
        <translation>USA Ouest</translation>
    </message>
    <message>
        <source>West Central US</source>
        <translation>USA Centre-Ouest</translation>
    </message>
    <message>
        <source>South Africa West</source>
        <translation>Afrique du Sud Ouest</translation>
    </message>
    <message>
        <source>Australia Central</source>
        <translation>Australie Centre</translation>
    </message>
    <message>
        <source>Australia Central 2</source>
        <translation>Australie Centre 2</translation>
    </message>
    <message>
        <source>Australia Southeast</source>
        <translation>Australie Sud-Est</translation>
    </message>
    <message>
        <source>Jio India Central</source>
        <translation>Jio Inde Centre</translation>
    </message>
    <message>
        <source>Jio India West</source>
        <translation>Jio Inde Ouest</translation>
    </message>
    <message>
        <source>Korea South</source>
        <translation>Corée Sud</translation>
    </message>
    <message>
        <source>South India</source>
        <translation>Inde Sud</translation>
    </message>
    <message>
        <source>West India</source>
        <translation>Inde Ouest</translation>
    </message>
    <message>
        <source>Canada East</source>
        <translation>Canada Est</translation>
    </message>
    <message>
        <source>France South</source>
        <translation>France Sud</translation>
    </message>
    <message>
        <source>Germany North</source>
        <translation>Allemagne Nord</translation>
    </message>
    <message>
        <source>Norway West</source>
        <translation>Norvège Ouest</translation>
    </message>
    <message>
        <source>Switzerland West</source>
        <translation>Suisse Ouest</translation>
    </message>
    <message>
        <source>UK West</source>
        <translation>Royaume-Uni Ouest</translation>
    </message>
    <message>
        <source>UAE Central</source>
        <translation>Émirats arabes unis Centre</translation>
    </message>
    <message>
        <source>Brazil Southeast</source>
        <translation>Brésil Sud-Est</translation>
    </message>
</context>
<context>
    <name>ResourceGraphPager</name>
    <message>
        <source>The Resource Graph answer has no data rows.</source>
        <translation>La réponse d’Azure Resource Graph ne contient aucune ligne de données.</translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation>La requête a été annulée.</translation>
    </message>
</context>
<context>
    <name>ReviewAnalysis</name>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>OS disk</source>
        <translation>Disque de SE</translation>
    </message>
    <message>
        <source>Data disk (LUN %1)</source>
        <translation>Disque de données (LUN %1)</translation>
    </message>
    <message>
        <source>Managed image</source>
        <translation>Image managée</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Instantanés</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <source>Image version</source>
        <translation>Version d’image</translation>
    </message>
    <message>
        <source>Region %1 has no disk encryption set while %2 use customer-managed keys: the copy of the image stored in %1 is encrypted with platform-managed keys only.</source>
        <translation>La région %1 n’a pas de jeu de chiffrement de disque alors que %2 utilisent des clés gérées par le client&#xa0;: la copie de l’image stockée dans %1 n’est chiffrée qu’avec des clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>In region %1 the OS disk uses disk encryption set %2, but the data disk at LUN %3 has none: that disk is encrypted with platform-managed keys only.</source>
        <translation>Dans la région %1, le disque de SE utilise le jeu de chiffrement de disque %2, mais le disque de données au LUN %3 n’en a aucun&#xa0;: ce disque n’est chiffré qu’avec des clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>In region %1 the data disks use a disk encryption set but the OS disk has none: the OS disk is encrypted with platform-managed keys only.</source>
        <translation>Dans la région %1, les disques de données utilisent un jeu de chiffrement de disque mais le disque de SE n’en a aucun&#xa0;: le disque de SE n’est chiffré qu’avec des clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>Disk encryption set %1 (used in region %2) is in subscription %3, not in the image&apos;s subscription %4. Disk encryption sets must be in the same subscription as the image.</source>
        <translation>Le jeu de chiffrement de disque %1 (utilisé dans la région %2) se trouve dans l’abonnement %3, et non dans l’abonnement de l’image, %4. Les jeux de chiffrement de disque doivent se trouver dans le même abonnement que l’image.</translation>
    </message>
    <message>
        <source>Disk encryption set %1 (used in region %2) no longer exists: virtual machines cannot be created from this image in %2 until it is restored or the image is recreated.</source>
        <translation>Le jeu de chiffrement de disque %1 (utilisé dans la région %2) n’existe plus&#xa0;: impossible de créer des machines virtuelles à partir de cette image dans %2 tant qu’il n’est pas restauré ou que l’image n’est pas recréée.</translation>
    </message>
    <message>
        <source>Disk encryption set %1 (used in region %2) could not be read, so it was not checked: %3</source>
        <translation>Le jeu de chiffrement de disque %1 (utilisé dans la région %2) n’a pas pu être lu&#x202f;; il n’a donc pas été vérifié&#xa0;: %3</translation>
    </message>
    <message>
        <source>Disk encryption set %1 (used in region %2) has no active key: the disks it encrypts cannot be read.</source>
        <translation>Le jeu de chiffrement de disque %1 (utilisé dans la région %2) n’a pas de clé active&#xa0;: les disques qu’il chiffre sont illisibles.</translation>
    </message>
    <message>
        <source>Disk encryption set %1 is in %2 but encrypts the copy in region %3. A disk encryption set only works in its own region.</source>
        <translation>Le jeu de chiffrement de disque %1 se trouve dans %2 mais chiffre la copie de la région %3. Un jeu de chiffrement de disque ne fonctionne que dans sa propre région.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The disks of this image version use different encryption types (%1). Virtual machines get a different protection depending on the disk and the region.</source>
        <translation>Les disques de cette version d’image utilisent des types de chiffrement différents (%1). Les machines virtuelles n’ont pas la même protection selon le disque et la région.</translation>
    </message>
    <message>
        <source>The end-of-life date (%1) has passed: this version should no longer be used for new virtual machines.</source>
        <translation>La date de fin de vie (%1) est passée&#xa0;: cette version ne devrait plus servir à de nouvelles machines virtuelles.</translation>
    </message>
    <message>
        <source>Replication to region %1 failed; the service gave no reason.</source>
        <translation>La réplication dans la région %1 a échoué&#x202f;; le service n’a donné aucune raison.</translation>
    </message>
    <message>
        <source>Replication to region %1 failed. The service says: %2</source>
        <translation>La réplication dans la région %1 a échoué. Message du service&#xa0;: %2</translation>
    </message>
    <message>
        <source>The source %1 no longer exists. The image version does not need it, but it cannot be recreated from the same source.</source>
        <translation>La source %1 n’existe plus. La version d’image n’en a pas besoin, mais elle ne pourra pas être recréée à partir de la même source.</translation>
    </message>
    <message>
        <source>“%1” is not the resource ID of an image version (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/…).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID de ressource d’une version d’image (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/…).</translation>
    </message>
    <message>
        <source>The review was stopped.</source>
        <translation>L’examen a été arrêté.</translation>
    </message>
    <message>
        <source>No connection to Azure.</source>
        <translation>Aucune connexion à Azure.</translation>
    </message>
    <message>
        <source>Reading the image version…</source>
        <translation>Lecture de la version d’image…</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n disk encryption set(s)…</source>
        <translation>
            <numerusform>Lecture de %n jeu de chiffrement de disque…</numerusform>
            <numerusform>Lecture de %n jeux de chiffrement de disque…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking the keys of %n disk encryption set(s)…</source>
        <translation>
            <numerusform>Vérification de la clé de %n jeu de chiffrement de disque…</numerusform>
            <numerusform>Vérification des clés de %n jeux de chiffrement de disque…</numerusform>
        </translation>
    </message>
    <message>
        <source>Replication to region %1 is still in progress (%2).</source>
        <translation>La réplication dans la région %1 est toujours en cours (%2).</translation>
    </message>
    <message>
        <source>The gallery %1 is shared, but this image version uses customer-managed keys: Azure does not allow sharing or copying such images, so those who share the gallery cannot use it. Keep it in a gallery that is not shared.</source>
        <translation>La galerie %1 est partagée, mais cette version d’image utilise des clés gérées par le client&#xa0;: Azure n’autorise ni le partage ni la copie de telles images, si bien que ceux avec qui la galerie est partagée ne peuvent pas l’utiliser. Conservez-la dans une galerie qui n’est pas partagée.</translation>
    </message>
</context>
<context>
    <name>ReviewCommandText</name>
    <message>
        <source>Reviews an existing image version: how each disk is encrypted in each target region, and what is wrong (regions without encryption, disk encryption sets in the wrong region or subscription, missing sets or keys, failed replication, end of life). Exit code 0 when the review ran (whatever it found), 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem. The JSON format is described in docs/review-schema.md.</source>
        <translation>Examine une version d’image existante&#xa0;: comment chaque disque est chiffré dans chaque région cible, et ce qui ne va pas (régions sans chiffrement, jeux de chiffrement de disque dans la mauvaise région ou le mauvais abonnement, jeux ou clés manquants, échec de réplication, fin de vie). Code de sortie 0 quand l’examen a eu lieu (quels que soient ses constats), 2 pour une saisie non valide, 3 pour une erreur Azure, 4 pour un problème de connexion. Le format JSON est décrit dans docs/review-schema.md.</translation>
    </message>
    <message>
        <source>Resource ID of the image version.</source>
        <translation>ID de ressource de la version d’image.</translation>
    </message>
    <message>
        <source>Output format: text or json.</source>
        <translation>Format de sortie&#xa0;: text ou json.</translation>
    </message>
    <message>
        <source>--id is required.</source>
        <translation>--id est obligatoire.</translation>
    </message>
    <message>
        <source>The image version could not be read: %1</source>
        <translation>Impossible de lire la version d’image&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message>
        <source>customer-managed key</source>
        <translation>clé gérée par le client</translation>
    </message>
    <message>
        <source>double encryption</source>
        <translation>double chiffrement</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>type inconnu</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>platform-managed key</source>
        <translation>clé gérée par la plateforme</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2) — no longer exists</source>
        <translation>%1 (%2) — n’existe plus</translation>
    </message>
    <message>
        <source>%1 (%2) — could not be read</source>
        <translation>%1 (%2) — illisible</translation>
    </message>
    <message>
        <source>key %1, version %2, vault %3</source>
        <translation>clé %1, version %2, coffre %3</translation>
    </message>
    <message>
        <source>latest</source>
        <translation>la plus récente</translation>
    </message>
    <message>
        <source>no active key</source>
        <translation>aucune clé active</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 — %4</source>
        <translation>%1 (%2) — %3 — %4</translation>
    </message>
    <message>
        <source>Image version %1 of %2 in gallery %3</source>
        <translation>Version d’image %1 de %2 dans la galerie %3</translation>
    </message>
    <message>
        <source>Resource ID: %1</source>
        <translation>ID de ressource&#xa0;: %1</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Emplacement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Provisioning state: %1</source>
        <translation>État d’approvisionnement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Replication: %1</source>
        <translation>Réplication&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>End of life: %1</source>
        <translation>Fin de vie&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Excluded from latest: %1</source>
        <translation>Exclue de la plus récente&#xa0;: %1</translation>
    </message>
    <message>
        <source>Data-disk snapshot (LUN %1)</source>
        <translation>Instantané de disque de données (LUN %1)</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>could not be checked</source>
        <translation>vérification impossible</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>existe</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>n’existe plus</translation>
    </message>
    <message>
        <source>Source: %1 %2 (%3)</source>
        <translation>Source&#xa0;: %1 %2 (%3)</translation>
    </message>
    <message>
        <source>Source: unknown</source>
        <translation>Source&#xa0;: inconnue</translation>
    </message>
    <message>
        <source>Target regions and disks:</source>
        <translation>Régions cibles et disques&#xa0;:</translation>
    </message>
    <message>
        <source>no replication status</source>
        <translation>aucun statut de réplication</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n replica(s), %2, %3</source>
        <translation>
            <numerusform>%1 — %n réplica, %2, %3</numerusform>
            <numerusform>%1 — %n réplicas, %2, %3</numerusform>
        </translation>
    </message>
    <message>
        <source>Replication details: %1</source>
        <translation>Détails de la réplication&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a disk encryption set, %2 the status of its key (OK, warning, error, cannot verify)</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Findings: none. Every disk in every region is consistently encrypted.</source>
        <translation>Constats&#xa0;: aucun. Chaque disque est chiffré de façon cohérente dans chaque région.</translation>
    </message>
    <message>
        <source>Reviewed at %1</source>
        <translation>Examiné le %1</translation>
    </message>
    <message>
        <source>Review of image version %1</source>
        <translation>Examen de la version d’image %1</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Provisioning state</source>
        <translation>État d’approvisionnement</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Réplication</translation>
    </message>
    <message>
        <source>End of life</source>
        <translation>Fin de vie</translation>
    </message>
    <message>
        <source>Excluded from latest</source>
        <translation>Exclue de la plus récente</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>None. Every disk in every region is consistently encrypted.</source>
        <translation>Aucun. Chaque disque est chiffré de façon cohérente dans chaque région.</translation>
    </message>
    <message>
        <source>Target regions and disks</source>
        <translation>Régions cibles et disques</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Disk encryption sets</source>
        <translation>Jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Groupe de ressources</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Type de chiffrement</translation>
    </message>
    <message>
        <source>Key URL</source>
        <translation>URL de la clé</translation>
    </message>
    <message>
        <source>Key vault</source>
        <translation>Coffre de clés</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>illisible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Findings: %1, %2, %3.</source>
        <extracomment>%1 is &quot;N problems&quot;, %2 &quot;N warnings&quot;, %3 &quot;N notes&quot;</extracomment>
        <translation>Constats&#xa0;: %1, %2, %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n remarque</numerusform>
            <numerusform>%n remarques</numerusform>
        </translation>
    </message>
    <message>
        <source>Key health of the disk encryption sets:</source>
        <translation>Santé des clés des jeux de chiffrement de disque&#xa0;:</translation>
    </message>
    <message>
        <source>Key health of the disk encryption sets</source>
        <translation>Santé des clés des jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>aucun type</translation>
    </message>
    <message>
        <source>Confidential VM: %1</source>
        <extracomment>%1 a confidential VM encryption type (EncryptedWithPmk, NonPersistedTPM...)</extracomment>
        <translation>Machine virtuelle confidentielle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Confidential VM: %1 — secure-VM set: %2</source>
        <extracomment>%1 a confidential VM encryption type, %2 the secure-VM disk encryption set as cellText() writes it</extracomment>
        <translation>Machine virtuelle confidentielle&#xa0;: %1 — jeu de machine virtuelle sécurisée&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>The page “%1” cannot be completed with this draft.</source>
        <translation>La page «&#xa0;%1&#xa0;» ne peut pas être complétée avec ce brouillon.</translation>
    </message>
    <message>
        <source>The wizard did not leave the page “%1”.</source>
        <translation>L’Assistant n’a pas quitté la page «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The review window did not open the update wizard.</source>
        <translation>La fenêtre d’examen n’a pas ouvert l’assistant de mise à jour.</translation>
    </message>
    <message>
        <source>The fleet sandbox did not start: %1</source>
        <translation>Le bac à sable du parc n’a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>The fleet scan did not finish.</source>
        <translation>L’analyse du parc ne s’est pas terminée.</translation>
    </message>
</context>
<context>
    <name>ServiceTerms</name>
    <message>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>Création en cours</translation>
    </message>
    <message>
        <source>Updating</source>
        <translation>Mise à jour en cours</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Suppression en cours</translation>
    </message>
    <message>
        <source>Migrating</source>
        <translation>Migration en cours</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepté</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours d’exécution</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Registering</source>
        <translation>Inscription en cours</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Unregistered</source>
        <translation>Désinscrit</translation>
    </message>
    <message>
        <source>Unregistering</source>
        <translation>Désinscription en cours</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Generalized</source>
        <translation>Généralisé</translation>
    </message>
    <message>
        <source>Specialized</source>
        <translation>Spécialisé</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>Averti</translation>
    </message>
    <message>
        <source>Past due</source>
        <translation>En retard de paiement</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>A percentage; French puts a narrow no-break space before the sign.</extracomment>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <source>Replicating</source>
        <translation>Réplication en cours</translation>
    </message>
    <message>
        <source>Standard HDD (LRS)</source>
        <translation>HDD Standard (LRS)</translation>
    </message>
    <message>
        <source>Standard HDD (ZRS)</source>
        <translation>HDD Standard (ZRS)</translation>
    </message>
    <message>
        <source>Standard SSD (LRS)</source>
        <translation>SSD Standard (LRS)</translation>
    </message>
    <message>
        <source>Standard SSD (ZRS)</source>
        <translation>SSD Standard (ZRS)</translation>
    </message>
    <message>
        <source>Premium SSD (LRS)</source>
        <translation>SSD Premium (LRS)</translation>
    </message>
    <message>
        <source>Premium SSD (ZRS)</source>
        <translation>SSD Premium (ZRS)</translation>
    </message>
    <message>
        <source>Premium SSD v2 (LRS)</source>
        <translation>SSD Premium v2 (LRS)</translation>
    </message>
    <message>
        <source>Ultra Disk (LRS)</source>
        <translation>Disque Ultra (LRS)</translation>
    </message>
</context>
<context>
    <name>SetupDesCommandText</name>
    <message>
        <source>Subscription ID.</source>
        <translation>ID de l’abonnement.</translation>
    </message>
    <message>
        <source>Resource group of the new key vault and set (it must exist).</source>
        <translation>Groupe de ressources du nouveau coffre de clés et du nouveau jeu (il doit exister).</translation>
    </message>
    <message>
        <source>Region of the set and its vault.</source>
        <translation>Région du jeu et de son coffre de clés.</translation>
    </message>
    <message>
        <source>CMK (customer-managed key) or DOUBLE (platform and customer keys).</source>
        <translation>CMK (clé gérée par le client) ou DOUBLE (clés gérées par la plateforme et par le client).</translation>
    </message>
    <message>
        <source>Key vault name (default: derived, the same every run).</source>
        <translation>Nom du coffre de clés (par défaut&#xa0;: dérivé, le même à chaque exécution).</translation>
    </message>
    <message>
        <source>Key name (default: cmk-disks).</source>
        <translation>Nom de la clé (par défaut&#xa0;: cmk-disks).</translation>
    </message>
    <message>
        <source>Disk encryption set name (default: des-REGION-TYPE).</source>
        <translation>Nom du jeu de chiffrement de disque (par défaut&#xa0;: des-RÉGION-TYPE).</translation>
    </message>
    <message>
        <source>How a new vault authorizes key use: rbac (default) or access-policy.</source>
        <translation>Comment un nouveau coffre autorise l’usage des clés&#xa0;: rbac (par défaut) ou access-policy (stratégies d’accès).</translation>
    </message>
    <message>
        <source>Let the set follow new key versions automatically.</source>
        <translation>Laisser le jeu suivre automatiquement les nouvelles versions de la clé.</translation>
    </message>
    <message>
        <source>Print the steps and the equivalent az commands; send nothing.</source>
        <translation>Afficher les étapes et les commandes az équivalentes&#x202f;; ne rien envoyer.</translation>
    </message>
    <message>
        <source>--type must be CMK or DOUBLE, not “%1”.</source>
        <translation>--type doit valoir CMK ou DOUBLE, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--permission-model must be rbac or access-policy, not “%1”.</source>
        <translation>--permission-model doit valoir rbac ou access-policy, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Equivalent az commands:</source>
        <translation>Commandes az équivalentes&#xa0;:</translation>
    </message>
    <message>
        <source>Creates a disk encryption set from nothing: a key vault with purge protection, an RSA key, the set with a system-assigned identity, the grant of get, wrap and unwrap on the key, then its health check. What exists already is reused, so running it again after a failure goes on where it stopped. Exit code 0 when the set is ready, 5 when its health check finds an error, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem.</source>
        <translation>Crée un jeu de chiffrement de disque à partir de rien&#xa0;: un coffre de clés avec protection contre le vidage, une clé RSA, le jeu avec une identité affectée par le système, l’octroi de get, wrap et unwrap sur la clé, puis sa vérification d’intégrité. Ce qui existe déjà est réutilisé&#xa0;: relancée après un échec, la commande reprend là où elle s’était arrêtée. Code de sortie 0 quand le jeu est prêt, 5 quand sa vérification trouve une erreur, 2 pour une entrée non valide, 3 pour une erreur Azure, 4 pour un problème de connexion.</translation>
    </message>
    <message>
        <source>The disk encryption set was not set up: %1</source>
        <translation>Le jeu de chiffrement de disque n’a pas été mis en place&#xa0;: %1</translation>
    </message>
    <message>
        <source>The disk encryption set exists but cannot be used yet:</source>
        <translation>Le jeu de chiffrement de disque existe mais ne peut pas encore servir&#xa0;:</translation>
    </message>
</context>
<context>
    <name>VmConfidentialValidation</name>
    <message>
        <source>The image is a Confidential VM image: the size %1 cannot run Confidential VMs. Choose a size of the DCasv5, DCadsv5, ECasv5 or ECadsv5 series (or DCesv5, ECesv5).</source>
        <translation>L’image est une image de machine virtuelle confidentielle&#xa0;: la taille %1 ne peut pas exécuter de machines virtuelles confidentielles. Choisissez une taille des séries DCasv5, DCadsv5, ECasv5 ou ECadsv5 (ou DCesv5, ECesv5).</translation>
    </message>
    <message>
        <source>Choose how the Confidential VM&apos;s OS disk is encrypted: %1.</source>
        <translation>Choisissez comment le disque de système d’exploitation de la machine virtuelle confidentielle est chiffré&#xa0;: %1.</translation>
    </message>
    <message>
        <source>A secure-VM disk encryption set encrypts the OS disk only with the encryption type DiskWithVMGuestState.</source>
        <translation>Un jeu de chiffrement de disque de machine virtuelle sécurisée ne chiffre le disque de système d’exploitation qu’avec le type de chiffrement DiskWithVMGuestState.</translation>
    </message>
    <message>
        <source>“%1” is not the id of a disk encryption set.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID d’un jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The secure-VM disk encryption set %1 is not in the VM&apos;s region %2, not in its subscription, or not of type %3.</source>
        <translation>Le jeu de chiffrement de disque de machine virtuelle sécurisée %1 n’est pas dans la région de la machine virtuelle (%2), pas dans son abonnement ou pas du type %3.</translation>
    </message>
</context>
<context>
    <name>VmDraft</name>
    <message>
        <source>A VM draft must be a JSON object.</source>
        <translation>Un brouillon de machine virtuelle doit être un objet JSON.</translation>
    </message>
    <message>
        <source>This VM draft has format version %1; this program reads version %2 and older.</source>
        <translation>Ce brouillon de machine virtuelle est au format version %1&#x202f;; ce programme lit la version %2 et les précédentes.</translation>
    </message>
    <message>
        <source>Unknown authentication type “%1” in the VM draft.</source>
        <translation>Type d’authentification inconnu «&#xa0;%1&#xa0;» dans le brouillon de machine virtuelle.</translation>
    </message>
    <message>
        <source>Unknown network mode “%1” in the VM draft.</source>
        <translation>Mode réseau inconnu «&#xa0;%1&#xa0;» dans le brouillon de machine virtuelle.</translation>
    </message>
    <message>
        <source>Unknown encryption type “%1” in the VM draft.</source>
        <translation>Type de chiffrement inconnu «&#xa0;%1&#xa0;» dans le brouillon de machine virtuelle.</translation>
    </message>
    <message>
        <source>A data disk of the VM draft has no LUN.</source>
        <translation>Un disque de données du brouillon de machine virtuelle n’a pas de LUN.</translation>
    </message>
    <message>
        <source>Cannot read the VM draft %1: %2</source>
        <translation>Impossible de lire le brouillon de machine virtuelle %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The VM draft %1 is not valid JSON.</source>
        <translation>Le brouillon de machine virtuelle %1 n’est pas du JSON valide.</translation>
    </message>
    <message>
        <source>The VM draft %1 cannot be used: %2</source>
        <translation>Le brouillon de machine virtuelle %1 est inutilisable&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>VmExporter</name>
    <message>
        <source>A virtual machine can be exported as Azure CLI or PowerShell only.</source>
        <translation>Une machine virtuelle ne peut être exportée qu’en Azure CLI ou en PowerShell.</translation>
    </message>
    <message>
        <source>The script reads the administrator password from the environment variable %1; set it before running the script.</source>
        <translation>Le script lit le mot de passe de l’administrateur dans la variable d’environnement %1&#x202f;; définissez-la avant d’exécuter le script.</translation>
    </message>
    <message>
        <source>--data-disk-encryption-sets lists one disk encryption set per data disk of the image, in LUN order (%1).</source>
        <translation>--data-disk-encryption-sets liste un jeu de chiffrement de disque par disque de données de l’image, dans l’ordre des LUN (%1).</translation>
    </message>
    <message>
        <source>Password of the virtual machine&apos;s administrator</source>
        <translation>Mot de passe de l’administrateur de la machine virtuelle</translation>
    </message>
    <message>
        <source>The script asks for the administrator password when it runs.</source>
        <translation>Le script demande le mot de passe de l’administrateur à son exécution.</translation>
    </message>
</context>
<context>
    <name>VmRequests</name>
    <message>
        <source>virtual network</source>
        <translation>réseau virtuel</translation>
    </message>
    <message>
        <source>network interface</source>
        <translation>interface réseau</translation>
    </message>
    <message>
        <source>virtual machine</source>
        <translation>machine virtuelle</translation>
    </message>
</context>
<context>
    <name>VmValidation</name>
    <message>
        <source>Enter a name for the virtual machine.</source>
        <translation>Entrez un nom pour la machine virtuelle.</translation>
    </message>
    <message>
        <source>The name “%1” is too long: a Windows virtual machine name has at most %2 characters.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» est trop long&#xa0;: le nom d’une machine virtuelle Windows compte au plus %2 caractères.</translation>
    </message>
    <message>
        <source>The name “%1” is too long: a Linux virtual machine name has at most %2 characters.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» est trop long&#xa0;: le nom d’une machine virtuelle Linux compte au plus %2 caractères.</translation>
    </message>
    <message>
        <source>The name “%1” may contain only letters, digits and hyphens, and must not start or end with a hyphen.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» ne peut contenir que des lettres, des chiffres et des traits d’union, et ne doit ni commencer ni se terminer par un trait d’union.</translation>
    </message>
    <message>
        <source>The name “%1” cannot be only digits: Windows computer names need a letter or a hyphen.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» ne peut pas être composé uniquement de chiffres&#xa0;: un nom d’ordinateur Windows doit contenir une lettre ou un trait d’union.</translation>
    </message>
    <message>
        <source>Enter the administrator user name.</source>
        <translation>Entrez le nom d’utilisateur de l’administrateur.</translation>
    </message>
    <message>
        <source>The user name “%1” is reserved by Azure; choose another one.</source>
        <translation>Le nom d’utilisateur «&#xa0;%1&#xa0;» est réservé par Azure&#x202f;; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>The user name “%1” is too long: Windows allows at most %2 characters.</source>
        <translation>Le nom d’utilisateur «&#xa0;%1&#xa0;» est trop long&#xa0;: Windows autorise au plus %2 caractères.</translation>
    </message>
    <message>
        <source>The user name “%1” cannot contain any of &quot; / \ [ ] : | &lt; &gt; + = ; , ? * @ nor end with a period.</source>
        <translation>Le nom d’utilisateur «&#xa0;%1&#xa0;» ne peut contenir aucun des caractères &quot; / \ [ ]&#xa0;: | &lt; &gt; + =&#x202f;; ,&#x202f;? * @ ni se terminer par un point.</translation>
    </message>
    <message>
        <source>The user name “%1” is too long: Linux allows at most %2 characters.</source>
        <translation>Le nom d’utilisateur «&#xa0;%1&#xa0;» est trop long&#xa0;: Linux autorise au plus %2 caractères.</translation>
    </message>
    <message>
        <source>The user name “%1” may contain only letters, digits, hyphens and underscores, and must not start with a digit or a hyphen.</source>
        <translation>Le nom d’utilisateur «&#xa0;%1&#xa0;» ne peut contenir que des lettres, des chiffres, des traits d’union et des traits de soulignement, et ne doit commencer ni par un chiffre ni par un trait d’union.</translation>
    </message>
    <message>
        <source>Enter the administrator password.</source>
        <translation>Entrez le mot de passe de l’administrateur.</translation>
    </message>
    <message>
        <source>The password must have %1 to %2 characters; it has %3.</source>
        <translation>Le mot de passe doit compter de %1 à %2 caractères&#x202f;; il en a %3.</translation>
    </message>
    <message>
        <source>The password cannot contain control characters.</source>
        <translation>Le mot de passe ne peut pas contenir de caractères de contrôle.</translation>
    </message>
    <message>
        <source>The password must contain at least 3 of: a lower-case letter, an upper-case letter, a digit, a special character.</source>
        <translation>Le mot de passe doit contenir au moins 3 des éléments suivants&#xa0;: une minuscule, une majuscule, un chiffre, un caractère spécial.</translation>
    </message>
    <message>
        <source>Azure refuses this well-known password; choose another one.</source>
        <translation>Azure refuse ce mot de passe trop connu&#x202f;; choisissez-en un autre.</translation>
    </message>
    <message>
        <source>Paste the SSH public key (the content of a .pub file, such as ~/.ssh/id_ed25519.pub).</source>
        <translation>Collez la clé publique SSH (le contenu d’un fichier .pub, par exemple ~/.ssh/id_ed25519.pub).</translation>
    </message>
    <message>
        <source>Paste one SSH public key only, on one line.</source>
        <translation>Collez une seule clé publique SSH, sur une seule ligne.</translation>
    </message>
    <message>
        <source>This is a private key. Paste the public key (the .pub file) instead, and keep the private key secret.</source>
        <translation>C’est une clé privée. Collez plutôt la clé publique (le fichier .pub) et gardez la clé privée secrète.</translation>
    </message>
    <message>
        <source>The SSH public key must start with ssh-rsa, ssh-ed25519 or ecdsa-sha2-nistp256/384/521.</source>
        <translation>La clé publique SSH doit commencer par ssh-rsa, ssh-ed25519 ou ecdsa-sha2-nistp256/384/521.</translation>
    </message>
    <message>
        <source>The SSH public key is damaged: the data after “%1” is not a %1 key.</source>
        <translation>La clé publique SSH est endommagée&#xa0;: les données qui suivent «&#xa0;%1&#xa0;» ne sont pas une clé %1.</translation>
    </message>
    <message>
        <source>The RSA key is too short: Azure needs at least 2048 bits.</source>
        <translation>La clé RSA est trop courte&#xa0;: Azure exige au moins 2048 bits.</translation>
    </message>
    <message>
        <source>Enter an address range in CIDR notation, such as 10.0.0.0/16.</source>
        <translation>Entrez une plage d’adresses en notation CIDR, par exemple 10.0.0.0/16.</translation>
    </message>
    <message>
        <source>“%1” is not an address range in CIDR notation, such as 10.0.0.0/16.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une plage d’adresses en notation CIDR, comme 10.0.0.0/16.</translation>
    </message>
    <message>
        <source>The address range %1 must have a prefix length from /%2 to /%3.</source>
        <translation>La plage d’adresses %1 doit avoir une longueur de préfixe comprise entre /%2 et /%3.</translation>
    </message>
    <message>
        <source>The address range %1 has host bits set; for this prefix length it should be %2.</source>
        <translation>La plage d’adresses %1 a des bits d’hôte définis&#x202f;; pour cette longueur de préfixe, elle devrait être %2.</translation>
    </message>
    <message>
        <source>The name “%1” is too long: at most 80 characters.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» est trop long&#xa0;: 80 caractères au plus.</translation>
    </message>
    <message>
        <source>The name “%1” may contain letters, digits, underscores, periods and hyphens; it must start with a letter or digit and end with a letter, digit or underscore.</source>
        <translation>Le nom «&#xa0;%1&#xa0;» peut contenir des lettres, des chiffres, des traits de soulignement, des points et des traits d’union&#x202f;; il doit commencer par une lettre ou un chiffre et se terminer par une lettre, un chiffre ou un trait de soulignement.</translation>
    </message>
    <message>
        <source>%1 — %2 vCPU, %3 GiB, up to %4 data disks</source>
        <extracomment>A VM size in a dropdown: %1 name, %2 vCPUs, %3 memory in GiB, %4 max data disks</extracomment>
        <translation>%1 — %2 processeurs virtuels, %L3 Gio, jusqu’à %4 disques de données</translation>
    </message>
    <message>
        <source>The VM draft does not name a gallery image version.</source>
        <translation>Le brouillon de machine virtuelle n’indique aucune version d’image de galerie.</translation>
    </message>
    <message>
        <source>Choose a subscription.</source>
        <translation>Choisissez un abonnement.</translation>
    </message>
    <message>
        <source>Choose a resource group.</source>
        <translation>Choisissez un groupe de ressources.</translation>
    </message>
    <message>
        <source>Choose a region.</source>
        <translation>Choisissez une région.</translation>
    </message>
    <message>
        <source>The image version is not replicated to %1. Choose one of its regions: %2.</source>
        <translation>La version d’image n’est pas répliquée dans %1. Choisissez l’une de ses régions&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Choose a size.</source>
        <translation>Choisissez une taille.</translation>
    </message>
    <message>
        <source>The size %1 takes at most %2 data disks, but the image has %3. Choose a larger size.</source>
        <translation>La taille %1 accepte au plus %2 disques de données, mais l’image en a %3. Choisissez une taille plus grande.</translation>
    </message>
    <message>
        <source>The size %1 is not offered in %2. Choose another size.</source>
        <translation>La taille %1 n’est pas proposée dans %2. Choisissez une autre taille.</translation>
    </message>
    <message>
        <source>Choose a virtual network and a subnet in the VM&apos;s region, or create a new virtual network.</source>
        <translation>Choisissez un réseau virtuel et un sous-réseau dans la région de la machine virtuelle, ou créez un réseau virtuel.</translation>
    </message>
    <message>
        <source>Choose a virtual network and a subnet in %1, or create a new virtual network.</source>
        <translation>Choisissez un réseau virtuel et un sous-réseau dans %1, ou créez un réseau virtuel.</translation>
    </message>
    <message>
        <source>“%1” is not the id of a subnet.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID d’un sous-réseau.</translation>
    </message>
    <message>
        <source>The subnet must be in the VM&apos;s subscription (%1).</source>
        <translation>Le sous-réseau doit se trouver dans l’abonnement de la machine virtuelle (%1).</translation>
    </message>
    <message>
        <source>Enter a name for the new virtual network.</source>
        <translation>Entrez un nom pour le nouveau réseau virtuel.</translation>
    </message>
    <message>
        <source>Enter a name for the new subnet.</source>
        <translation>Entrez un nom pour le nouveau sous-réseau.</translation>
    </message>
    <message>
        <source>The subnet range %1 must lie inside the virtual network&apos;s range %2.</source>
        <translation>La plage du sous-réseau %1 doit être comprise dans la plage du réseau virtuel %2.</translation>
    </message>
    <message>
        <source>Choose a disk encryption set for the %1.</source>
        <translation>Choisissez un jeu de chiffrement de disque pour le %1.</translation>
    </message>
    <message>
        <source>“%1”, chosen for the %2, is not the id of a disk encryption set.</source>
        <translation>«&#xa0;%1&#xa0;», choisi pour le %2, n’est pas l’ID d’un jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 of the %2 is in another subscription; it must be in the VM&apos;s subscription (%3).</source>
        <translation>Le jeu de chiffrement de disque %1 du %2 se trouve dans un autre abonnement&#x202f;; il doit se trouver dans l’abonnement de la machine virtuelle (%3).</translation>
    </message>
    <message>
        <source>The disk encryption set %1 of the %2 does not exist.</source>
        <translation>Le jeu de chiffrement de disque %1 du %2 n’existe pas.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 of the %2 is in %3, not in the VM&apos;s region %4.</source>
        <translation>Le jeu de chiffrement de disque %1 du %2 se trouve dans %3, et non dans la région de la machine virtuelle, %4.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 of the %2 is of type %3, which does not match “%4”.</source>
        <translation>Le jeu de chiffrement de disque %1 du %2 est de type %3, qui ne correspond pas à «&#xa0;%4&#xa0;».</translation>
    </message>
    <message>
        <source>The OS disk size must be between 1 and %1 GiB, not %2 GiB.</source>
        <translation>La taille du disque de SE doit être comprise entre 1 et %L1&#xa0;Gio, et non %L2&#xa0;Gio.</translation>
    </message>
    <message>
        <source>The OS disk cannot be smaller than the image&apos;s OS disk: choose at least %1 GiB (not %2 GiB), or leave the size to the image.</source>
        <translation>Le disque de SE ne peut pas être plus petit que celui de l’image&#xa0;: choisissez au moins %L1&#xa0;Gio (et non %L2&#xa0;Gio), ou laissez la taille de l’image.</translation>
    </message>
    <message>
        <source>“%1” is not a storage account type for the %2; use one of %3.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas un type de compte de stockage pour le %2&#x202f;; utilisez l’un de ceux-ci&#xa0;: %3</translation>
    </message>
</context>
<context>
    <name>cmk::AuthSession</name>
    <message>
        <source>Microsoft Entra ID could not be reached: %1</source>
        <translation>Impossible de joindre Microsoft Entra ID&#xa0;: %1</translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the request: %1.</source>
        <translation>Microsoft Entra ID a refusé la requête&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the request: %1 (%2)</source>
        <translation>Microsoft Entra ID a refusé la requête&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Microsoft Entra ID answered with HTTP status %1.</source>
        <translation>Microsoft Entra ID a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>The ID token does not belong to this sign-in (nonce mismatch). Sign in again.</source>
        <translation>Le jeton d’ID n’appartient pas à cette connexion (nonce différent). Reconnectez-vous.</translation>
    </message>
    <message>
        <source>Microsoft Entra ID answered for another account.</source>
        <translation>Microsoft Entra ID a répondu pour un autre compte.</translation>
    </message>
    <message>
        <source>Could not listen on a local port for the sign-in redirect.</source>
        <translation>Impossible d’écouter sur un port local pour la redirection de connexion.</translation>
    </message>
    <message>
        <source>Sign-in complete. You can close this window and return to cmkwizard.</source>
        <translation>Connexion réussie. Vous pouvez fermer cette fenêtre et revenir à cmkwizard.</translation>
    </message>
    <message>
        <source>The sign-in response does not belong to this sign-in attempt (state mismatch). Nothing was accepted; sign in again.</source>
        <translation>La réponse de connexion n’appartient pas à cette tentative (state différent). Rien n’a été accepté&#x202f;; reconnectez-vous.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled in the browser.</source>
        <translation>La connexion a été annulée dans le navigateur.</translation>
    </message>
    <message>
        <source>Microsoft Entra ID refused the sign-in: %1 (%2)</source>
        <translation>Microsoft Entra ID a refusé la connexion&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <source>Microsoft Entra ID answered the device code request without a code.</source>
        <translation>Microsoft Entra ID a répondu à la demande de code d’appareil sans fournir de code.</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a browser and enter the code %2.</source>
        <translation>Pour vous connecter, ouvrez %1 dans un navigateur et entrez le code %2.</translation>
    </message>
    <message>
        <source>The device code has expired before the sign-in was completed.</source>
        <translation>Le code d’appareil a expiré avant la fin de la connexion.</translation>
    </message>
    <message>
        <source>Sign-in was declined on the verification page.</source>
        <translation>La connexion a été refusée sur la page de vérification.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to continue.</source>
        <translation>Votre connexion a expiré. Reconnectez-vous pour continuer.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid; sign in again to continue. %1</source>
        <translation>Votre connexion n’est plus valide&#x202f;; reconnectez-vous pour continuer. %1</translation>
    </message>
    <message>
        <source>Could not switch to tenant %1: %2</source>
        <translation>Impossible de passer au locataire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The token endpoint did not answer with JSON.</source>
        <translation>Le point de terminaison de jeton n’a pas répondu en JSON.</translation>
    </message>
    <message>
        <source>The token endpoint answered without an access token.</source>
        <translation>Le point de terminaison de jeton a répondu sans jeton d’accès.</translation>
    </message>
    <message>
        <source>The token endpoint answered without an expiry.</source>
        <translation>Le point de terminaison de jeton a répondu sans date d’expiration.</translation>
    </message>
    <message>
        <source>The token endpoint answered without client_info (uid, utid).</source>
        <translation>Le point de terminaison de jeton a répondu sans client_info (uid, utid).</translation>
    </message>
</context>
<context>
    <name>cmk::DesReadinessChecker</name>
    <message>
        <source>No subscription is selected.</source>
        <translation>Aucun abonnement n’est sélectionné.</translation>
    </message>
</context>
<context>
    <name>cmk::FleetAudit</name>
    <message>
        <source>confidential VM</source>
        <translation>machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>mixed</source>
        <translation>mixte</translation>
    </message>
    <message>
        <source>The audit was cancelled before this subscription was done.</source>
        <translation>L’audit a été annulé avant la fin de cet abonnement.</translation>
    </message>
</context>
<context>
    <name>cmk::PrerequisiteChecker</name>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Non inscrit</translation>
    </message>
    <message>
        <source>Registering</source>
        <translation>Inscription en cours</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Unregistering</source>
        <translation>Désinscription en cours</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Pas nécessaire</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>The state has not been read from Azure yet.</source>
        <translation>L’état n’a pas encore été lu dans Azure.</translation>
    </message>
    <message>
        <source>Reading the current state from Azure…</source>
        <translation>Lecture de l’état actuel dans Azure…</translation>
    </message>
    <message>
        <source>The preview feature is not registered for this subscription: Azure refuses image versions encrypted with your own keys until it is.</source>
        <translation>La fonctionnalité en préversion n’est pas inscrite pour cet abonnement&#xa0;: tant qu’elle ne l’est pas, Azure refuse les versions d’image chiffrées avec vos propres clés.</translation>
    </message>
    <message>
        <source>The Microsoft.Compute resource provider is not registered for this subscription: it cannot use galleries, images or disk encryption sets until it is.</source>
        <translation>Le fournisseur de ressources Microsoft.Compute n’est pas inscrit pour cet abonnement&#xa0;: tant qu’il ne l’est pas, l’abonnement ne peut utiliser ni galeries, ni images, ni jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Azure is registering the feature for this subscription. This can take up to 30 minutes; you can go on with the wizard and come back to this step.</source>
        <translation>Azure inscrit la fonctionnalité pour cet abonnement. Cela peut prendre jusqu’à 30 minutes&#x202f;; vous pouvez poursuivre l’Assistant et revenir à cette étape.</translation>
    </message>
    <message>
        <source>Azure is registering the resource provider for this subscription. This usually takes a few minutes.</source>
        <translation>Azure inscrit le fournisseur de ressources pour cet abonnement. Cela prend généralement quelques minutes.</translation>
    </message>
    <message>
        <source>The feature is registered: this subscription can create image versions encrypted with your own keys.</source>
        <translation>La fonctionnalité est inscrite&#xa0;: cet abonnement peut créer des versions d’image chiffrées avec vos propres clés.</translation>
    </message>
    <message>
        <source>The resource provider is registered: this subscription can use galleries, images and disk encryption sets.</source>
        <translation>Le fournisseur de ressources est inscrit&#xa0;: cet abonnement peut utiliser les galeries, les images et les jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The feature is being unregistered from this subscription. Wait until it is unregistered, then register it again.</source>
        <translation>La fonctionnalité est en cours de désinscription pour cet abonnement. Attendez la fin de la désinscription, puis inscrivez-la de nouveau.</translation>
    </message>
    <message>
        <source>The resource provider is being unregistered from this subscription. Wait until it is unregistered, then register it again.</source>
        <translation>Le fournisseur de ressources est en cours de désinscription pour cet abonnement. Attendez la fin de la désinscription, puis inscrivez-le de nouveau.</translation>
    </message>
    <message>
        <source>This subscription does not know the preview feature, which means customer-managed keys for galleries are generally available here: nothing to register.</source>
        <translation>Cet abonnement ne connaît pas la fonctionnalité en préversion&#xa0;: les clés gérées par le client pour les galeries y sont donc en disponibilité générale. Il n’y a rien à inscrire.</translation>
    </message>
    <message>
        <source>The state could not be determined.</source>
        <translation>Impossible de déterminer l’état.</translation>
    </message>
    <message>
        <source>Your account is not allowed to register features in this subscription. Registering a preview feature needs the Contributor or Owner role on the subscription, or a custom role with the Microsoft.Features/providers/features/register/action permission. Ask an administrator of the subscription to register it or to give you such a role.</source>
        <translation>Votre compte n’est pas autorisé à inscrire des fonctionnalités dans cet abonnement. L’inscription d’une fonctionnalité en préversion nécessite le rôle Contributeur ou Propriétaire sur l’abonnement, ou un rôle personnalisé doté de l’autorisation Microsoft.Features/providers/features/register/action. Demandez à un administrateur de l’abonnement de l’inscrire ou de vous attribuer un tel rôle.</translation>
    </message>
    <message>
        <source>Your account is not allowed to register resource providers in this subscription. Registering a resource provider needs a role with the */register/action permission on the subscription, such as Contributor or Owner. Ask an administrator of the subscription to register it or to give you such a role.</source>
        <translation>Votre compte n’est pas autorisé à inscrire des fournisseurs de ressources dans cet abonnement. L’inscription d’un fournisseur de ressources nécessite un rôle doté de l’autorisation */register/action sur l’abonnement, comme Contributeur ou Propriétaire. Demandez à un administrateur de l’abonnement de l’inscrire ou de vous attribuer un tel rôle.</translation>
    </message>
    <message>
        <source>Your account is not allowed to read the registration state in this subscription: it needs at least the Reader role on the subscription.</source>
        <translation>Votre compte n’est pas autorisé à lire l’état d’inscription dans cet abonnement&#xa0;: il lui faut au moins le rôle Lecteur sur l’abonnement.</translation>
    </message>
    <message>
        <source>%1 Azure answered: %2</source>
        <translation>%1 Réponse d’Azure&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 could not be registered: %2</source>
        <translation>Impossible d’inscrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The state of %1 could not be read: %2</source>
        <translation>Impossible de lire l’état de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The feature check is turned off in the settings (customer-managed keys for galleries are generally available), so the feature does not block.</source>
        <translation>La vérification de la fonctionnalité est désactivée dans les paramètres (les clés gérées par le client pour les galeries sont en disponibilité générale)&#xa0;: la fonctionnalité ne bloque donc pas.</translation>
    </message>
    <message>
        <source>Azure reported the state “%1”, which cmkwizard does not know. Check again later.</source>
        <translation>Azure a signalé l’état «&#xa0;%1&#xa0;», que cmkwizard ne connaît pas. Vérifiez de nouveau plus tard.</translation>
    </message>
    <message>
        <source>%1 Azure has not finished yet: check again later.</source>
        <translation>%1 Azure n’a pas encore terminé&#xa0;: vérifiez de nouveau plus tard.</translation>
    </message>
    <message>
        <source>No subscription is selected.</source>
        <translation>Aucun abonnement n’est sélectionné.</translation>
    </message>
    <message>
        <source>The answer has no body.</source>
        <translation>La réponse n’a pas de corps.</translation>
    </message>
</context>
<context>
    <name>cmk::TokenStore</name>
    <message>
        <source>Your sign-in is kept in memory only (CMKWIZARD_TOKEN_STORE=memory); you will have to sign in again next time.</source>
        <translation>Votre connexion est conservée en mémoire uniquement (CMKWIZARD_TOKEN_STORE=memory)&#x202f;; vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>This build of cmkwizard has no keychain support: your sign-in is kept in memory only and you will have to sign in again next time.</source>
        <translation>Cette version de cmkwizard ne prend pas en charge le trousseau&#xa0;: votre connexion est conservée en mémoire uniquement et vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1). Your sign-in is kept in memory only and you will have to sign in again next time.</source>
        <translation>Aucun trousseau système n’est disponible (%1). Votre connexion est conservée en mémoire uniquement et vous devrez vous reconnecter la prochaine fois.</translation>
    </message>
    <message>
        <source>Could not save your sign-in in the keychain: %1</source>
        <translation>Impossible d’enregistrer votre connexion dans le trousseau&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not remove your sign-in from the keychain: %1</source>
        <translation>Impossible de supprimer votre connexion du trousseau&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cmk::VmImageSource</name>
    <message>
        <source>“%1” is not the id of a gallery image version.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID d’une version d’image de galerie.</translation>
    </message>
</context>
<context>
    <name>cmk::VmLiveCheck</name>
    <message>
        <source>The image version %1 does not exist.</source>
        <translation>La version d’image %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The resource group %1 does not exist.</source>
        <translation>Le groupe de ressources %1 n’existe pas.</translation>
    </message>
    <message>
        <source>A virtual network named %1 already exists in %2. Choose it as an existing network, or give the new one another name.</source>
        <translation>Un réseau virtuel nommé %1 existe déjà dans %2. Choisissez-le comme réseau existant, ou donnez un autre nom au nouveau réseau.</translation>
    </message>
    <message>
        <source>The subnet %1 does not exist.</source>
        <translation>Le sous-réseau %1 n’existe pas.</translation>
    </message>
    <message>
        <source>The subnet %1 is in a virtual network of %2; the VM is in %3. Choose a network of the VM&apos;s region.</source>
        <translation>Le sous-réseau %1 appartient à un réseau virtuel de %2&#x202f;; la machine virtuelle est dans %3. Choisissez un réseau de la région de la machine virtuelle.</translation>
    </message>
</context>
<context>
    <name>cmk::VmSubmitter</name>
    <message>
        <source>No connection to Azure is set up.</source>
        <translation>Aucune connexion à Azure n’est configurée.</translation>
    </message>
    <message>
        <source>Step %1 of %2: creating the %3 %4…</source>
        <extracomment>Progress: %1 step number, %2 number of steps, %3 what is created (virtual network...), %4 its name</extracomment>
        <translation>Étape %1 sur %2&#xa0;: création de la ressource %4 (%3)…</translation>
    </message>
    <message>
        <source>The virtual machine was created.</source>
        <translation>La machine virtuelle a été créée.</translation>
    </message>
    <message>
        <source>Creating the %1 failed: %2</source>
        <translation>Échec de la création (%1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>The request could not be sent: %1</source>
        <translation>Impossible d’envoyer la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stopped watching. What was already sent goes on in Azure; check the resource group.</source>
        <translation>Suivi arrêté. Ce qui a déjà été envoyé continue dans Azure&#x202f;; vérifiez le groupe de ressources.</translation>
    </message>
</context>
<context>
    <name>cmkapp</name>
    <message>
        <source>Checks that a subscription can create image versions encrypted with customer-managed keys: the Microsoft.Compute/SIGEncryption feature, the Microsoft.Compute resource provider and, for the given regions, a disk encryption set. Exit code 0 when ready, 1 when not ready, 2 for invalid input, 3 for an Azure error (including missing permissions), 4 for a sign-in problem.</source>
        <translation>Vérifie qu’un abonnement peut créer des versions d’image chiffrées avec des clés gérées par le client&#xa0;: la fonctionnalité Microsoft.Compute/SIGEncryption, le fournisseur de ressources Microsoft.Compute et, pour les régions indiquées, un jeu de chiffrement de disque. Code de sortie 0 si tout est prêt, 1 sinon, 2 pour une saisie non valide, 3 pour une erreur Azure (y compris des autorisations manquantes), 4 pour un problème de connexion.</translation>
    </message>
    <message>
        <source>Subscription ID to check.</source>
        <translation>ID de l’abonnement à vérifier.</translation>
    </message>
    <message>
        <source>Register what is missing (this changes the whole subscription) and wait until Azure has finished.</source>
        <translation>Inscrire ce qui manque (cela modifie tout l’abonnement) et attendre qu’Azure ait terminé.</translation>
    </message>
    <message>
        <source>Output format: text or json.</source>
        <translation>Format de sortie&#xa0;: text ou json.</translation>
    </message>
    <message>
        <source>Target region whose disk encryption sets are counted (repeat, or separate with commas).</source>
        <translation>Région cible dont les jeux de chiffrement de disque sont comptés (répétez l’option, ou séparez par des virgules).</translation>
    </message>
    <message>
        <source>Do not require the SIGEncryption preview feature (customer-managed keys for galleries are generally available).</source>
        <translation>Ne pas exiger la fonctionnalité en préversion SIGEncryption (les clés gérées par le client pour les galeries sont en disponibilité générale).</translation>
    </message>
    <message>
        <source>First wait between two checks while Azure registers, in milliseconds (doubles up to one minute; default 5000).</source>
        <translation>Premier délai entre deux vérifications pendant l’inscription par Azure, en millisecondes (doublé jusqu’à une minute&#x202f;; 5000 par défaut).</translation>
    </message>
    <message>
        <source>Stop waiting for a registration after this many seconds (default 3600).</source>
        <translation>Cesser d’attendre une inscription après ce nombre de secondes (3600 par défaut).</translation>
    </message>
    <message>
        <source>--subscription is required.</source>
        <translation>--subscription est obligatoire.</translation>
    </message>
    <message>
        <source>--subscription must be a subscription ID (a GUID), not “%1”.</source>
        <translation>--subscription doit être un ID d’abonnement (un GUID), et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--format must be text or json, not “%1”.</source>
        <translation>--format doit valoir text ou json, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--poll-interval-ms must be a number of milliseconds between 1 and 600000.</source>
        <translation>--poll-interval-ms doit être un nombre de millisecondes compris entre 1 et 600000.</translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 1 and 86400.</source>
        <translation>--timeout doit être un nombre de secondes compris entre 1 et 86400.</translation>
    </message>
    <message>
        <source>--region must be an Azure region name such as westus, not “%1”.</source>
        <translation>--region doit être un nom de région Azure, par exemple westus, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Waiting for Azure to register %1 (check %2 in %3 ms)…</source>
        <translation>En attente de l’inscription de %1 par Azure (vérification %2 dans %L3 ms)…</translation>
    </message>
    <message>
        <source>Registering %1 for the whole subscription…</source>
        <translation>Inscription de %1 pour tout l’abonnement…</translation>
    </message>
    <message>
        <source>The disk encryption sets could not be listed: %1</source>
        <translation>Impossible de lister les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Subscription: %1</source>
        <translation>Abonnement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Preview feature %1: %2</source>
        <translation>Fonctionnalité en préversion %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Resource provider %1: %2</source>
        <translation>Fournisseur de ressources %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Disk encryption sets per target region:</source>
        <translation>Jeux de chiffrement de disque par région cible&#xa0;:</translation>
    </message>
    <message>
        <source>%1: %2 with a customer-managed key, %3 with double encryption.</source>
        <translation>%1&#xa0;: %2 avec une clé gérée par le client, %3 avec double chiffrement.</translation>
    </message>
    <message>
        <source>%1: no usable disk encryption set. Create one, for example:</source>
        <translation>%1&#xa0;: aucun jeu de chiffrement de disque utilisable. Créez-en un, par exemple&#xa0;:</translation>
    </message>
    <message>
        <source>Ready: this subscription can create encrypted image versions.</source>
        <translation>Prêt&#xa0;: cet abonnement peut créer des versions d’image chiffrées.</translation>
    </message>
    <message>
        <source>Not ready. Run again with --register to register what is missing.</source>
        <translation>Pas prêt. Relancez avec --register pour inscrire ce qui manque.</translation>
    </message>
    <message>
        <source>Not ready.</source>
        <translation>Pas prêt.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>RESOURCE GROUP</source>
        <translation>GROUPE DE RESSOURCES</translation>
    </message>
    <message>
        <source>LOCATION</source>
        <translation>EMPLACEMENT</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>KEY URL</source>
        <translation>URL DE LA CLÉ</translation>
    </message>
    <message>
        <source>Lists the Disk Encryption Sets of a subscription, following every page. Exit code 0 when done, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem.</source>
        <translation>Liste les jeux de chiffrement de disque d’un abonnement, en suivant toutes les pages. Code de sortie 0 en cas de réussite, 2 pour une saisie non valide, 3 pour une erreur Azure, 4 pour un problème de connexion.</translation>
    </message>
    <message>
        <source>Subscription ID.</source>
        <translation>ID de l’abonnement.</translation>
    </message>
    <message>
        <source>Only the sets in this region (&quot;West Europe&quot; or westeurope).</source>
        <translation>Uniquement les jeux de cette région («&#xa0;West Europe&#xa0;» ou westeurope).</translation>
    </message>
    <message>
        <source>Only this encryption type: CMK (customer-managed key) or DOUBLE (platform and customer keys).</source>
        <translation>Uniquement ce type de chiffrement&#xa0;: CMK (clé gérée par le client) ou DOUBLE (clés de la plateforme et du client).</translation>
    </message>
    <message>
        <source>Output format: text (default) or json.</source>
        <translation>Format de sortie&#xa0;: text (par défaut) ou json.</translation>
    </message>
    <message>
        <source>--type must be CMK or DOUBLE, not “%1”.</source>
        <translation>--type doit valoir CMK ou DOUBLE, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--location must name a region.</source>
        <translation>--location doit indiquer une région.</translation>
    </message>
    <message>
        <source>Invalid subscription ID “%1”: %2</source>
        <translation>ID d’abonnement non valide «&#xa0;%1&#xa0;»&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not list the disk encryption sets: %1</source>
        <translation>Impossible de lister les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>No disk encryption set matches.</source>
        <translation>Aucun jeu de chiffrement de disque ne correspond.</translation>
    </message>
    <message>
        <source>Where to list from: arg (Azure Resource Graph, one query filtered by Azure), arm (Resource Manager&apos;s exact listing) or auto (default: Resource Graph, Resource Manager when Resource Graph is not available).</source>
        <translation>Source de la liste&#xa0;: arg (Azure Resource Graph, une seule requête filtrée par Azure), arm (liste exacte d’Azure Resource Manager) ou auto (par défaut&#xa0;: Resource Graph, ou Resource Manager quand Resource Graph n’est pas disponible).</translation>
    </message>
    <message>
        <source>--source must be arg, arm or auto, not “%1”.</source>
        <translation>--source doit valoir arg, arm ou auto, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Listed from Azure Resource Graph.</source>
        <translation>Liste obtenue d’Azure Resource Graph.</translation>
    </message>
    <message>
        <source>Listed from Azure Resource Manager.</source>
        <translation>Liste obtenue d’Azure Resource Manager.</translation>
    </message>
    <message>
        <source>Subscription ID to audit (repeat for several).</source>
        <translation>ID de l’abonnement à auditer (répétez l’option pour plusieurs).</translation>
    </message>
    <message>
        <source>Audit every subscription the account can see (with --tenant ID: that tenant&apos;s only).</source>
        <translation>Auditer tous les abonnements visibles par le compte (avec --tenant ID&#xa0;: ceux de ce locataire uniquement).</translation>
    </message>
    <message>
        <source>Only the image versions of this gallery (its resource ID; repeat for several).</source>
        <translation>Uniquement les versions d’image de cette galerie (son ID de ressource&#xa0;; répétez l’option pour plusieurs).</translation>
    </message>
    <message>
        <source>Where to read from: arg (Azure Resource Graph), arm (a walk through Resource Manager) or auto (default: Resource Graph, Resource Manager when it is not available).</source>
        <translation>Source de lecture&#xa0;: arg (Azure Resource Graph), arm (parcours d’Azure Resource Manager) ou auto (par défaut&#xa0;: Resource Graph, ou Resource Manager quand Resource Graph n’est pas disponible).</translation>
    </message>
    <message>
        <source>Output format: text (default), json, csv or html.</source>
        <translation>Format de sortie&#xa0;: text (par défaut), json, csv ou html.</translation>
    </message>
    <message>
        <source>Write the report to FILE instead of the standard output.</source>
        <translation>Écrire le rapport dans FILE au lieu de la sortie standard.</translation>
    </message>
    <message>
        <source>--format must be text, json, csv or html, not “%1”.</source>
        <translation>--format doit valoir text, json, csv ou html, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Give either --subscription (once or more) or --all-subscriptions.</source>
        <translation>Indiquez soit --subscription (une ou plusieurs fois), soit --all-subscriptions.</translation>
    </message>
    <message>
        <source>“%1” is not the resource ID of a gallery (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…).</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas l’ID de ressource d’une galerie (/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…).</translation>
    </message>
    <message>
        <source>The gallery %1 is not in any subscription given with --subscription.</source>
        <translation>La galerie %1 n’est dans aucun des abonnements indiqués avec --subscription.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Subscriptions %1/%2, %3 image versions seen…</source>
        <translation>Abonnements %1/%2, %3 versions d’image vues…</translation>
    </message>
    <message>
        <source>Audits every image version of the subscriptions given: how each one is encrypted (platform, customer or double keys, confidential, mixed) in each region and on each disk, and what is wrong with it (the findings of review, and the key health of its disk encryption sets). Exit code 0 when no error finding, 5 when there is one, 2 for invalid input, 3 for an Azure error, 4 for a sign-in problem. The JSON format is described in docs/audit.md.</source>
        <translation>Audite toutes les versions d’image des abonnements indiqués&#xa0;: comment chacune est chiffrée (clés de la plateforme, du client ou double chiffrement, confidentielle, mixte) dans chaque région et sur chaque disque, et ce qui ne va pas (les constats de review, et l’état des clés de ses jeux de chiffrement de disque). Code de sortie 0 sans constat d’erreur, 5 s’il y en a un, 2 pour une saisie non valide, 3 pour une erreur Azure, 4 pour un problème de connexion. Le format JSON est décrit dans docs/audit.md.</translation>
    </message>
    <message>
        <source>The audit could not run: %1</source>
        <translation>L’audit n’a pas pu s’exécuter&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>cmkapp::LanguageButton</name>
    <message>
        <source>Language of the interface. What you typed is kept.</source>
        <translation>Langue de l’interface. Ce que vous avez saisi est conservé.</translation>
    </message>
    <message>
        <source>Lang&amp;uage</source>
        <translation>Lang&amp;ue</translation>
    </message>
</context>
<context>
    <name>cmkui::BasicsPage</name>
    <message>
        <source>Basics</source>
        <translation>Informations de base</translation>
    </message>
    <message>
        <source>Where the new image version goes and what it is made from.</source>
        <translation>Où va la nouvelle version d’image et à partir de quoi elle est créée.</translation>
    </message>
    <message>
        <source>Choose the image definition that receives the new version, give the version a number, and pick the source of its disks. Lists show only what exists in the chosen subscription and location.</source>
        <translation>Choisissez la définition d’image qui reçoit la nouvelle version, donnez un numéro à la version et choisissez la source de ses disques. Les listes ne montrent que ce qui existe dans l’abonnement et l’emplacement choisis.</translation>
    </message>
    <message>
        <source>Image definition</source>
        <translation>Définition d’image</translation>
    </message>
    <message>
        <source>Version details</source>
        <translation>Détails de la version</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>&amp;Subscription:</source>
        <translation>&amp;Abonnement&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Resource group:</source>
        <translation>&amp;Groupe de ressources&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Gallery:</source>
        <translation>Ga&amp;lerie&#xa0;:</translation>
    </message>
    <message>
        <source>Image &amp;definition:</source>
        <translation>&amp;Définition d’image&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Version number:</source>
        <translation>&amp;Numéro de version&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Emplacement&#xa0;:</translation>
    </message>
    <message>
        <source>Source &amp;type:</source>
        <translation>T&amp;ype de source&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a subscription</source>
        <translation>Choisissez un abonnement</translation>
    </message>
    <message>
        <source>Choose a resource group</source>
        <translation>Choisissez un groupe de ressources</translation>
    </message>
    <message>
        <source>Choose a gallery</source>
        <translation>Choisissez une galerie</translation>
    </message>
    <message>
        <source>Choose an image definition</source>
        <translation>Choisissez une définition d’image</translation>
    </message>
    <message>
        <source>Choose a location</source>
        <translation>Choisissez un emplacement</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Groupe de ressources</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Image definition details</source>
        <translation>Détails de la définition d’image</translation>
    </message>
    <message>
        <source>Version number</source>
        <translation>Numéro de version</translation>
    </message>
    <message>
        <source>Three whole numbers separated by dots: MAJOR.MINOR.PATCH, such as 1.0.0.</source>
        <translation>Trois nombres entiers séparés par des points&#xa0;: MAJEURE.MINEURE.CORRECTIF, par exemple 1.0.0.</translation>
    </message>
    <message>
        <source>Existing versions</source>
        <translation>Versions existantes</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>Type de source</translation>
    </message>
    <message>
        <source>Managed image</source>
        <translation>Image managée</translation>
    </message>
    <message>
        <source>Snapshots (OS disk and data disks)</source>
        <translation>Instantanés (disque de SE et disques de données)</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <source>Another image version</source>
        <translation>Une autre version d’image</translation>
    </message>
    <message>
        <source>&amp;Data disks: one snapshot per data disk, each with its own LUN (0 to %1).</source>
        <translation>Disq&amp;ues de données&#xa0;: un instantané par disque de données, chacun avec son propre LUN (de 0 à %1).</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Instantané</translation>
    </message>
    <message>
        <source>LUN</source>
        <translation>LUN</translation>
    </message>
    <message>
        <source>Data disks</source>
        <translation>Disques de données</translation>
    </message>
    <message>
        <source>&amp;Add data disk</source>
        <translation>Aj&amp;outer un disque de données</translation>
    </message>
    <message>
        <source>Add data disk</source>
        <translation>Ajouter un disque de données</translation>
    </message>
    <message>
        <source>Remo&amp;ve data disk</source>
        <translation>Supp&amp;rimer le disque de données</translation>
    </message>
    <message>
        <source>Remove data disk</source>
        <translation>Supprimer le disque de données</translation>
    </message>
    <message>
        <source>Loading subscriptions…</source>
        <translation>Chargement des abonnements…</translation>
    </message>
    <message>
        <source>Loading resource groups…</source>
        <translation>Chargement des groupes de ressources…</translation>
    </message>
    <message>
        <source>Loading locations…</source>
        <translation>Chargement des emplacements…</translation>
    </message>
    <message>
        <source>Loading galleries…</source>
        <translation>Chargement des galeries…</translation>
    </message>
    <message>
        <source>Loading image definitions…</source>
        <translation>Chargement des définitions d’image…</translation>
    </message>
    <message>
        <source>Loading existing versions…</source>
        <translation>Chargement des versions existantes…</translation>
    </message>
    <message>
        <source>Loading sources in this location…</source>
        <translation>Chargement des sources de cet emplacement…</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>non défini</translation>
    </message>
    <message>
        <source>OS type: %1 · OS state: %2 · Generation: %3 · Security type: %4</source>
        <extracomment>Details of an image definition: %1 OS type (Linux/Windows), %2 OS state, %3 Hyper-V generation, %4 security type</extracomment>
        <translation>Type de SE&#xa0;: %1 · État du SE&#xa0;: %2 · Génération&#xa0;: %3 · Type de sécurité&#xa0;: %4</translation>
    </message>
    <message>
        <source>Checking the existing versions…</source>
        <translation>Vérification des versions existantes…</translation>
    </message>
    <message>
        <source>This image definition has no version yet.</source>
        <translation>Cette définition d’image n’a encore aucune version.</translation>
    </message>
    <message>
        <source>Existing versions: %1</source>
        <translation>Versions existantes&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Managed image:</source>
        <translation>&amp;Image managée&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a managed image</source>
        <translation>Choisissez une image managée</translation>
    </message>
    <message>
        <source>&amp;OS disk snapshot:</source>
        <translation>Instantané du dis&amp;que de SE&#xa0;:</translation>
    </message>
    <message>
        <source>Choose the OS disk snapshot</source>
        <translation>Choisissez l’instantané du disque de SE</translation>
    </message>
    <message>
        <source>OS disk snapshot</source>
        <translation>Instantané du disque de SE</translation>
    </message>
    <message>
        <source>&amp;Virtual machine:</source>
        <translation>&amp;Machine virtuelle&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a virtual machine</source>
        <translation>Choisissez une machine virtuelle</translation>
    </message>
    <message>
        <source>Image &amp;version:</source>
        <translation>&amp;Version d’image&#xa0;:</translation>
    </message>
    <message>
        <source>Choose an image version</source>
        <translation>Choisissez une version d’image</translation>
    </message>
    <message>
        <source>Source image version</source>
        <translation>Version d’image source</translation>
    </message>
    <message>
        <source>An image version captured from a virtual machine cannot use customer-managed keys.</source>
        <translation>Une version d’image capturée à partir d’une machine virtuelle ne peut pas utiliser de clés gérées par le client.</translation>
    </message>
    <message>
        <source>The source has an OS disk and no data disk.</source>
        <translation>La source a un disque de SE et aucun disque de données.</translation>
    </message>
    <message>
        <source>The source has an OS disk and data disks with LUN %1.</source>
        <translation>La source a un disque de SE et des disques de données aux LUN %1.</translation>
    </message>
    <message>
        <source>Choose a location first: sources are listed for that location only.</source>
        <translation>Choisissez d’abord un emplacement&#xa0;: seules les sources de cet emplacement sont listées.</translation>
    </message>
    <message>
        <source>Choose a data disk snapshot</source>
        <translation>Choisissez un instantané de disque de données</translation>
    </message>
    <message>
        <source>Snapshot of data disk %1</source>
        <translation>Instantané du disque de données %1</translation>
    </message>
    <message>
        <source>LUN of data disk %1</source>
        <translation>LUN du disque de données %1</translation>
    </message>
    <message>
        <source>%1 version %2 (%3)</source>
        <extracomment>A source image version in a dropdown: %1 image definition, %2 version, %3 resource group</extracomment>
        <translation>%1 version %2 (%3)</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%L1 Gio</translation>
    </message>
    <message>
        <source>%1 (%2) — data disk %3</source>
        <translation>%1 (%2) — disque de données, %3</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 OS disk %4</source>
        <translation>%1 (%2) — disque de SE %3, %4</translation>
    </message>
    <message>
        <source>Could not load the %1: %2</source>
        <translation>Impossible de charger les %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>subscriptions</source>
        <translation>abonnements</translation>
    </message>
    <message>
        <source>resource groups</source>
        <translation>groupes de ressources</translation>
    </message>
    <message>
        <source>locations</source>
        <translation>emplacements</translation>
    </message>
    <message>
        <source>galleries</source>
        <translation>galeries</translation>
    </message>
    <message>
        <source>image definitions</source>
        <translation>définitions d’image</translation>
    </message>
    <message>
        <source>existing versions</source>
        <translation>versions existantes</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>sources</translation>
    </message>
    <message>
        <source>The subscription %1 is not available to your account.</source>
        <translation>L’abonnement %1 n’est pas accessible à votre compte.</translation>
    </message>
    <message>
        <source>The resource group “%1” was not found in this subscription.</source>
        <translation>Le groupe de ressources «&#xa0;%1&#xa0;» est introuvable dans cet abonnement.</translation>
    </message>
    <message>
        <source>The gallery “%1” was not found in this resource group.</source>
        <translation>La galerie «&#xa0;%1&#xa0;» est introuvable dans ce groupe de ressources.</translation>
    </message>
    <message>
        <source>The image definition “%1” was not found in this gallery.</source>
        <translation>La définition d’image «&#xa0;%1&#xa0;» est introuvable dans cette galerie.</translation>
    </message>
    <message>
        <source>The location “%1” is not available in this subscription.</source>
        <translation>L’emplacement «&#xa0;%1&#xa0;» n’est pas disponible dans cet abonnement.</translation>
    </message>
    <message>
        <source>The source “%1” was not found in this subscription and location.</source>
        <translation>La source «&#xa0;%1&#xa0;» est introuvable dans cet abonnement et cet emplacement.</translation>
    </message>
    <message>
        <source>The snapshot “%1” was not found in this subscription and location.</source>
        <translation>L’instantané «&#xa0;%1&#xa0;» est introuvable dans cet abonnement et cet emplacement.</translation>
    </message>
    <message>
        <source>Checking whether version %1 already exists…</source>
        <translation>Vérification de l’existence de la version %1…</translation>
    </message>
    <message>
        <source>Location changed from %1 to %2.</source>
        <translation>Emplacement changé de %1 en %2.</translation>
    </message>
    <message>
        <source>The source and the data-disk snapshots were cleared: a source must be in the image version&apos;s location.</source>
        <translation>La source et les instantanés des disques de données ont été effacés&#xa0;: une source doit se trouver à l’emplacement de la version d’image.</translation>
    </message>
    <message>
        <source>The target region %1 was removed with its disk encryption sets: it was there as the old location.</source>
        <translation>La région cible %1 a été retirée avec ses jeux de chiffrement de disque&#xa0;: elle y figurait en tant qu’ancien emplacement.</translation>
    </message>
    <message>
        <source>The other target regions and their disk encryption sets are kept.</source>
        <translation>Les autres régions cibles et leurs jeux de chiffrement de disque sont conservés.</translation>
    </message>
    <message>
        <source>No managed image in %1 in this subscription</source>
        <translation>Aucune image managée dans la région %1 de cet abonnement</translation>
    </message>
    <message>
        <source>No snapshot in %1 in this subscription</source>
        <translation>Aucun instantané dans la région %1 de cet abonnement</translation>
    </message>
    <message>
        <source>No virtual machine in %1 in this subscription</source>
        <translation>Aucune machine virtuelle dans la région %1 de cet abonnement</translation>
    </message>
    <message>
        <source>No image version in %1 in this gallery</source>
        <translation>Aucune version d’image dans la région %1 dans cette galerie</translation>
    </message>
    <message>
        <source>This image version exists: its image definition, number, location and source are locked. Change its target regions, encryption and tags on the next pages.</source>
        <translation>Cette version d’image existe&#xa0;: sa définition d’image, son numéro, son emplacement et sa source sont verrouillés. Modifiez ses régions cibles, son chiffrement et ses étiquettes dans les pages suivantes.</translation>
    </message>
</context>
<context>
    <name>cmkui::ChangeNotice</name>
    <message>
        <source>&amp;Undo</source>
        <translation>Ann&amp;uler la modification</translation>
    </message>
    <message>
        <source>D&amp;ismiss</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>cmkui::ConfidentialEncryptionWidget</name>
    <message>
        <source>Confidential VM encryption</source>
        <translation>Chiffrement de machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>This image definition is a Confidential VM image: every copy of the OS disk carries a confidential VM encryption type. EncryptedWithCmk also needs a secure-VM disk encryption set (type %1) in the region. Only NonPersistedTPM can be replicated beyond the home region.</source>
        <translation>Cette définition d’image est une image de machine virtuelle confidentielle&#xa0;: chaque copie du disque de système d’exploitation porte un type de chiffrement de machine virtuelle confidentielle. EncryptedWithCmk demande aussi un jeu de chiffrement de disque de machine virtuelle sécurisée (type %1) dans la région. Seul NonPersistedTPM peut être répliqué au-delà de la région d’origine.</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Confidential VM encryption type</source>
        <translation>Type de chiffrement de machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>Secure-VM disk encryption set</source>
        <translation>Jeu de chiffrement de disque de machine virtuelle sécurisée</translation>
    </message>
    <message>
        <source>Confidential VM encryption type in %1</source>
        <extracomment>Accessible name of a dropdown; %1 is a region</extracomment>
        <translation>Type de chiffrement de machine virtuelle confidentielle dans %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Secure-VM disk encryption set in %1</source>
        <extracomment>Accessible name of a dropdown; %1 is a region</extracomment>
        <translation>Jeu de chiffrement de disque de machine virtuelle sécurisée dans %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A disk encryption set in a list: %1 its name, %2 its resource group</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cmkui::CreateImageVersionWizard</name>
    <message>
        <source>Create an image version</source>
        <translation>Créer une version d’image</translation>
    </message>
    <message>
        <source>Discard this image version? The draft is kept and offered next time.</source>
        <translation>Abandonner cette version d’image&#xa0;? Le brouillon est conservé et proposé la prochaine fois.</translation>
    </message>
    <message>
        <source>Azure goes on creating the image version: the app cannot cancel a request it has sent. Closing only stops watching it; “Review an existing image version…” or the Azure portal shows how it ended. The draft is kept and offered next time.</source>
        <translation>Azure poursuit la création de la version d’image&#xa0;: l’application ne peut pas annuler une requête déjà envoyée. Fermer arrête seulement le suivi&#xa0;; «&#xa0;Examiner une version d’image existante…&#xa0;» ou le portail Azure montre comment elle s’est terminée. Le brouillon est conservé et proposé la prochaine fois.</translation>
    </message>
    <message>
        <source>Update image version %1</source>
        <translation>Mettre à jour la version d’image %1</translation>
    </message>
    <message>
        <source>Discard your changes to this image version? Nothing was sent to Azure.</source>
        <translation>Abandonner vos modifications de cette version d’image&#xa0;? Rien n’a été envoyé à Azure.</translation>
    </message>
    <message>
        <source>Azure goes on updating the image version: the app cannot cancel a request it has sent. Closing only stops watching it; the review window or the Azure portal shows how it ended.</source>
        <translation>Azure poursuit la mise à jour de la version d’image&#xa0;: l’application ne peut pas annuler une requête déjà envoyée. Fermer arrête seulement le suivi&#xa0;; la fenêtre d’examen ou le portail Azure montre comment elle s’est terminée.</translation>
    </message>
</context>
<context>
    <name>cmkui::CreateVmWizard</name>
    <message>
        <source>Create a virtual machine from an image version</source>
        <translation>Créer une machine virtuelle à partir d’une version d’image</translation>
    </message>
    <message>
        <source>Discard this virtual machine? The draft is kept (without the password) and restored when you create a virtual machine from this image version again.</source>
        <translation>Abandonner cette machine virtuelle&#xa0;? Le brouillon est conservé (sans le mot de passe) et restauré la prochaine fois que vous créez une machine virtuelle à partir de cette version d’image.</translation>
    </message>
    <message>
        <source>Azure goes on creating the virtual machine: the app cannot cancel a request it has sent. Closing only stops watching it; the Azure portal shows how it ended.</source>
        <translation>Azure poursuit la création de la machine virtuelle&#xa0;: l’application ne peut pas annuler une requête déjà envoyée. Fermer arrête seulement le suivi&#xa0;; le portail Azure montre comment elle s’est terminée.</translation>
    </message>
</context>
<context>
    <name>cmkui::DesReadinessWidget</name>
    <message>
        <source>Looking for disk encryption sets in the target regions…</source>
        <translation>Recherche des jeux de chiffrement de disque dans les régions cibles…</translation>
    </message>
    <message>
        <source>Disk encryption set readiness</source>
        <translation>État des jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>Disk encryption set readiness summary</source>
        <translation>Synthèse de l’état des jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Check the disk encryption sets again</source>
        <translation>Vérifier de nouveau les jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>Disk encryption sets per target region</source>
        <translation>Jeux de chiffrement de disque par région cible</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Customer-managed key</source>
        <translation>Clé gérée par le client</translation>
    </message>
    <message>
        <source>Double encryption</source>
        <translation>Double chiffrement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Encryption type for the commands</source>
        <translation>Type de chiffrement pour les commandes</translation>
    </message>
    <message>
        <source>Encryption at rest with a customer-managed key</source>
        <translation>Chiffrement au repos avec une clé gérée par le client</translation>
    </message>
    <message>
        <source>Double encryption with platform-managed and customer-managed keys</source>
        <translation>Double chiffrement avec les clés gérées par la plateforme et gérées par le client</translation>
    </message>
    <message>
        <source>How to create the missing disk encryption sets</source>
        <translation>Comment créer les jeux de chiffrement de disque manquants</translation>
    </message>
    <message>
        <source>The disk encryption sets could not be listed: %1</source>
        <translation>Impossible de lister les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>No usable disk encryption set</source>
        <translation>Aucun jeu de chiffrement de disque utilisable</translation>
    </message>
    <message>
        <source>Disk encryption set readiness is unknown.</source>
        <translation>L’état des jeux de chiffrement de disque est inconnu.</translation>
    </message>
    <message>
        <source>Choose target regions to check their disk encryption sets.</source>
        <translation>Choisissez des régions cibles pour vérifier leurs jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Every target region has a disk encryption set in this subscription.</source>
        <translation>Chaque région cible a un jeu de chiffrement de disque dans cet abonnement.</translation>
    </message>
    <message numerus="yes">
        <source>%n target region(s) have no disk encryption set in this subscription: %1.</source>
        <translation>
            <numerusform>%n région cible n’a aucun jeu de chiffrement de disque dans cet abonnement&#xa0;: %1.</numerusform>
            <numerusform>%n régions cibles n’ont aucun jeu de chiffrement de disque dans cet abonnement&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Azure CLI</source>
        <translation>Azure CLI</translation>
    </message>
    <message>
        <source>Azure PowerShell</source>
        <translation>Azure PowerShell</translation>
    </message>
    <message>
        <source>How to create a disk encryption set</source>
        <translation>Comment créer un jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>Commands for region:</source>
        <translation>Commandes pour la région&#xa0;:</translation>
    </message>
    <message>
        <source>Region of the commands</source>
        <translation>Région des commandes</translation>
    </message>
    <message>
        <source>Encryption type:</source>
        <translation>Type de chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>Azure CLI:</source>
        <translation>Azure CLI&#xa0;:</translation>
    </message>
    <message>
        <source>Azure CLI command</source>
        <translation>Commande Azure CLI</translation>
    </message>
    <message>
        <source>Copy the Azure CLI command</source>
        <translation>Copier la commande Azure CLI</translation>
    </message>
    <message>
        <source>PowerShell:</source>
        <translation>PowerShell&#xa0;:</translation>
    </message>
    <message>
        <source>Azure PowerShell commands</source>
        <translation>Commandes Azure PowerShell</translation>
    </message>
    <message>
        <source>Copy the Azure PowerShell commands</source>
        <translation>Copier les commandes Azure PowerShell</translation>
    </message>
    <message>
        <source>Image versions replicated to %1 need a disk encryption set in that region, in this subscription. Create one with either command below after replacing the placeholders in angle brackets with your key vault and key (in the same region), then give the set&apos;s identity access to the key, for example with the Key Vault Crypto Service Encryption User role.</source>
        <translation>Les versions d’image répliquées dans %1 ont besoin d’un jeu de chiffrement de disque dans cette région, dans cet abonnement. Créez-en un avec l’une des commandes ci-dessous, après avoir remplacé les espaces réservés entre chevrons par votre coffre de clés et votre clé (dans la même région), puis donnez à l’identité du jeu l’accès à la clé, par exemple avec le rôle Utilisateur du chiffrement du service de chiffrement Key Vault.</translation>
    </message>
    <message>
        <source>Create a disk encryption set in %1…</source>
        <translation>Créer un jeu de chiffrement de disque dans %1…</translation>
    </message>
    <message>
        <source>Creates a key vault, a key and a disk encryption set of the chosen type in %1, and gives the set access to the key.</source>
        <translation>Crée un coffre de clés, une clé et un jeu de chiffrement de disque du type choisi dans %1, et donne au jeu l’accès à la clé.</translation>
    </message>
    <message>
        <source>Create the missing disk encryption sets</source>
        <translation>Créer les jeux de chiffrement de disque manquants</translation>
    </message>
    <message>
        <source>Create a disk encryption set in %1</source>
        <translation>Créer un jeu de chiffrement de disque dans %1</translation>
    </message>
    <message>
        <source>Ready for customer-managed keys only</source>
        <translation>Prêt pour les clés gérées par le client uniquement</translation>
    </message>
    <message>
        <source>Ready for double encryption only</source>
        <translation>Prêt pour le double chiffrement uniquement</translation>
    </message>
    <message>
        <source>Chec&amp;k again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>Cop&amp;ier</translation>
    </message>
</context>
<context>
    <name>cmkui::DesSetupDialog</name>
    <message>
        <source>Checking whether the key vault name %1 is available…</source>
        <translation>Vérification de la disponibilité du nom de coffre de clés %1…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>The set-up stopped at “%1”: %2
What was created stays in Azure; Try again goes on from there without creating anything twice.</source>
        <translation>La configuration s’est arrêtée à l’étape «&#xa0;%1&#xa0;»&#xa0;: %2
Ce qui a été créé reste dans Azure&#x202f;; Réessayer reprend à partir de là sans rien créer deux fois.</translation>
    </message>
    <message>
        <source>The disk encryption set %1 exists but cannot be used yet: its health check found an error.</source>
        <translation>Le jeu de chiffrement de disque %1 existe mais n’est pas encore utilisable&#xa0;: sa vérification d’intégrité a trouvé une erreur.</translation>
    </message>
    <message>
        <source>Health of %1: %2</source>
        <translation>Intégrité de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Stop the set-up?</source>
        <translation>Arrêter la configuration&#x202f;?</translation>
    </message>
    <message>
        <source>The disk encryption set is still being set up. Stop waiting for it? What Azure has created so far stays; running the set-up again reuses it.</source>
        <translation>Le jeu de chiffrement de disque est encore en cours de configuration. Cesser de l’attendre&#x202f;? Ce qu’Azure a déjà créé reste en place&#x202f;; une nouvelle configuration le réutilise.</translation>
    </message>
    <message>
        <source>Stop the set-up</source>
        <translation>Arrêter la configuration</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Create a disk encryption set in %1</source>
        <translation>Créer un jeu de chiffrement de disque dans %1</translation>
    </message>
    <message>
        <source>double encryption with platform-managed and customer-managed keys</source>
        <translation>le double chiffrement avec les clés gérées par la plateforme et gérées par le client</translation>
    </message>
    <message>
        <source>encryption at rest with a customer-managed key</source>
        <translation>le chiffrement au repos avec une clé gérée par le client</translation>
    </message>
    <message>
        <source>Creates, in %1 and the subscription %2: a key vault with purge protection, an RSA key, and a disk encryption set for %3 whose system-assigned identity may use the key. What already exists under these names is reused.</source>
        <translation>Crée, dans %1 et l’abonnement %2&#xa0;: un coffre de clés avec protection contre le vidage, une clé RSA et un jeu de chiffrement de disque pour %3, dont l’identité affectée par le système peut utiliser la clé. Ce qui existe déjà sous ces noms est réutilisé.</translation>
    </message>
    <message>
        <source>&amp;Key vault name:</source>
        <translation>Nom du &amp;coffre de clés&#xa0;:</translation>
    </message>
    <message>
        <source>Key vault name</source>
        <translation>Nom du coffre de clés</translation>
    </message>
    <message>
        <source>Key vault name availability</source>
        <translation>Disponibilité du nom du coffre de clés</translation>
    </message>
    <message>
        <source>K&amp;ey name:</source>
        <translation>Nom de la c&amp;lé&#xa0;:</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Nom de la clé</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Taille&#xa0;:</translation>
    </message>
    <message>
        <source>Key size</source>
        <translation>Taille de la clé</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 bits</translation>
    </message>
    <message>
        <source>&amp;Disk encryption set name:</source>
        <translation>Nom du &amp;jeu de chiffrement de disque&#xa0;:</translation>
    </message>
    <message>
        <source>Disk encryption set name</source>
        <translation>Nom du jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>&amp;Resource group:</source>
        <translation>&amp;Groupe de ressources&#xa0;:</translation>
    </message>
    <message>
        <source>Resource group of the key vault and the disk encryption set</source>
        <translation>Groupe de ressources du coffre de clés et du jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>Permission model:</source>
        <translation>Modèle d’autorisation&#xa0;:</translation>
    </message>
    <message>
        <source>Azure role-based access control (a role assignment on the vault)</source>
        <translation>Contrôle d’accès en fonction du rôle Azure (une attribution de rôle sur le coffre)</translation>
    </message>
    <message>
        <source>Vault access policy</source>
        <translation>Stratégie d’accès du coffre</translation>
    </message>
    <message>
        <source>Follow new key versions automatically (auto-rotation)</source>
        <translation>Suivre automatiquement les nouvelles versions de la clé (rotation automatique)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Set-up steps</source>
        <translation>Étapes de la configuration</translation>
    </message>
    <message>
        <source>Set-up progress</source>
        <translation>Progression de la configuration</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Health of the new disk encryption set</source>
        <translation>Intégrité du nouveau jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>The same set-up with the Azure CLI:</source>
        <translation>La même configuration avec Azure CLI&#xa0;:</translation>
    </message>
    <message>
        <source>Equivalent Azure CLI commands</source>
        <translation>Commandes Azure CLI équivalentes</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>Copy the Azure CLI commands</source>
        <translation>Copier les commandes Azure CLI</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Try again from the step that failed</source>
        <translation>Réessayer à partir de l’étape qui a échoué</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Create disk encr&amp;yption set</source>
        <translation>Cré&amp;er le jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
</context>
<context>
    <name>cmkui::DiskEncryptionSetModel</name>
    <message>
        <source>%1 (%2) — key %3</source>
        <extracomment>A disk encryption set in a dropdown: %1 its name, %2 its resource group, %3 its key (vault/key).</extracomment>
        <translation>%1 (%2) — clé %3</translation>
    </message>
    <message>
        <source>%1
Resource group: %2
Key: %3
Key vault: %4
Encryption type: %5</source>
        <translation>%1
Groupe de ressources&#xa0;: %2
Clé&#xa0;: %3
Coffre de clés&#xa0;: %4
Type de chiffrement&#xa0;: %5</translation>
    </message>
</context>
<context>
    <name>cmkui::DraftPage</name>
    <message numerus="yes">
        <source>…and %n more problem(s).</source>
        <translation>
            <numerusform>…et %n autre problème.</numerusform>
            <numerusform>…et %n autres problèmes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Why you cannot continue</source>
        <translation>Pourquoi vous ne pouvez pas continuer</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>Stop &amp;loading</source>
        <translation>Arrêter le c&amp;hargement</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Arrêter le chargement</translation>
    </message>
    <message>
        <source>S&amp;how all (%1)</source>
        <translation>Afficher &amp;tout (%1)</translation>
    </message>
    <message>
        <source>Wh&amp;y can&apos;t I continue?</source>
        <translation>Pourquoi ne puis-&amp;je pas continuer&#xa0;?</translation>
    </message>
    <message>
        <source>Shows what keeps the Next button disabled.</source>
        <translation>Indique ce qui empêche d’activer le bouton Suivant.</translation>
    </message>
</context>
<context>
    <name>cmkui::DraftWizard</name>
    <message>
        <source>Stop watching and close?</source>
        <translation>Arrêter le suivi et fermer&#xa0;?</translation>
    </message>
    <message>
        <source>Discard?</source>
        <translation>Abandonner&#xa0;?</translation>
    </message>
    <message>
        <source>&amp;Stop watching and close</source>
        <translation>&amp;Arrêter le suivi et fermer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Keep watching</source>
        <translation>&amp;Continuer le suivi</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>cmkui::EncryptionPage</name>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>How the disks of the image version are encrypted at rest in every target region.</source>
        <translation>Comment les disques de la version d’image sont chiffrés au repos dans chaque région cible.</translation>
    </message>
    <message>
        <source>By default Azure encrypts the disks with a platform-managed key. To use your own key, choose a disk encryption set for every disk in every target region.</source>
        <translation>Par défaut, Azure chiffre les disques avec une clé gérée par la plateforme. Pour utiliser votre propre clé, choisissez un jeu de chiffrement de disque pour chaque disque dans chaque région cible.</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Type de chiffrement</translation>
    </message>
    <message>
        <source>&amp;Platform-managed key</source>
        <translation>Clé gérée par la p&amp;lateforme</translation>
    </message>
    <message>
        <source>Encryption at rest with a &amp;customer-managed key</source>
        <translation>&amp;Chiffrement au repos avec une clé gérée par le client</translation>
    </message>
    <message>
        <source>&amp;Double encryption with platform-managed and customer-managed keys</source>
        <translation>&amp;Double chiffrement avec les clés gérées par la plateforme et gérées par le client</translation>
    </message>
    <message>
        <source>Customer-managed keys are not available: an image version created from a virtual machine does not support them. To use your own keys, go back and choose a managed image or snapshots as the source.</source>
        <translation>Les clés gérées par le client ne sont pas disponibles&#xa0;: une version d’image créée à partir d’une machine virtuelle ne les prend pas en charge. Pour utiliser vos propres clés, revenez en arrière et choisissez comme source une image managée ou des instantanés.</translation>
    </message>
    <message>
        <source>Why customer-managed keys are not available</source>
        <translation>Pourquoi les clés gérées par le client ne sont pas disponibles</translation>
    </message>
    <message>
        <source>Limitations: an image version encrypted with customer-managed keys cannot be shared or copied (no direct or community sharing, no copy to another gallery). Once it uses your keys it cannot go back to platform-managed keys. Each region needs its own disk encryption set, in the same subscription as the image.</source>
        <translation>Limites&#xa0;: une version d’image chiffrée avec des clés gérées par le client ne peut être ni partagée ni copiée (pas de partage direct ni communautaire, pas de copie vers une autre galerie). Une fois qu’elle utilise vos clés, elle ne peut plus revenir aux clés gérées par la plateforme. Chaque région a besoin de son propre jeu de chiffrement de disque, dans le même abonnement que l’image.</translation>
    </message>
    <message>
        <source>Limitations of customer-managed keys</source>
        <translation>Limites des clés gérées par le client</translation>
    </message>
    <message>
        <source>Azure manages the key in every region; there is nothing more to choose.</source>
        <translation>Azure gère la clé dans chaque région&#x202f;; il n’y a rien d’autre à choisir.</translation>
    </message>
    <message>
        <source>Disk encryption sets</source>
        <translation>Jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>One row per target region, one column per disk. Each list offers only the disk encryption sets of that region, in this subscription, of the chosen encryption type.</source>
        <translation>Une ligne par région cible, une colonne par disque. Chaque liste ne propose que les jeux de chiffrement de disque de cette région, dans cet abonnement, du type de chiffrement choisi.</translation>
    </message>
    <message>
        <source>Disk encryption set for each region and disk</source>
        <translation>Jeu de chiffrement de disque pour chaque région et chaque disque</translation>
    </message>
    <message>
        <source>&amp;Refresh the list</source>
        <translation>&amp;Actualiser la liste</translation>
    </message>
    <message>
        <source>Refresh the disk encryption sets</source>
        <translation>Actualiser les jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>How to create a disk encryption set</source>
        <translation>Comment créer un jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>Commands that create a disk encryption set</source>
        <translation>Commandes qui créent un jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>C&amp;opy the commands</source>
        <translation>C&amp;opier les commandes</translation>
    </message>
    <message>
        <source>Copy the commands</source>
        <translation>Copier les commandes</translation>
    </message>
    <message>
        <source>Loading disk encryption sets…</source>
        <translation>Chargement des jeux de chiffrement de disque…</translation>
    </message>
    <message>
        <source>Use customer-managed keys?</source>
        <translation>Utiliser des clés gérées par le client&#x202f;?</translation>
    </message>
    <message>
        <source>Once the image version is encrypted with your own keys, it cannot go back to platform-managed keys, and it cannot be shared or copied.

Use customer-managed keys for this image version?</source>
        <translation>Une fois la version d’image chiffrée avec vos propres clés, elle ne peut plus revenir aux clés gérées par la plateforme, et elle ne peut être ni partagée ni copiée.

Utiliser des clés gérées par le client pour cette version d’image&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Use my keys</source>
        <translation>&amp;Utiliser mes clés</translation>
    </message>
    <message>
        <source>&amp;Keep platform keys</source>
        <translation>&amp;Conserver les clés de la plateforme</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Same set for all disks</source>
        <translation>Même jeu pour tous les disques</translation>
    </message>
    <message>
        <source>Same disk encryption set for all disks in %1</source>
        <translation>Même jeu de chiffrement de disque pour tous les disques dans %1</translation>
    </message>
    <message>
        <source>Disk encryption set for the %1 in %2</source>
        <extracomment>Accessible name of a dropdown: %1 the disk (OS disk, data disk (LUN 1)), %2 the region</extracomment>
        <translation>Jeu de chiffrement de disque pour le %1 dans %2</translation>
    </message>
    <message>
        <source>None in this region</source>
        <translation>Aucun dans cette région</translation>
    </message>
    <message>
        <source>Choose a disk encryption set</source>
        <translation>Choisissez un jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>Disk encryption sets are regional resources: each target region needs its own, in subscription %1, with the encryption type %2. None exists yet in: %3. Create one with the commands below (replace the &lt;placeholders&gt;), give its identity access to the key in the key vault, then press Refresh the list.</source>
        <translation>Les jeux de chiffrement de disque sont des ressources régionales&#xa0;: chaque région cible a besoin du sien, dans l’abonnement %1, avec le type de chiffrement %2. Il n’en existe encore aucun dans&#xa0;: %3. Créez-en un avec les commandes ci-dessous (remplacez les &lt;espaces réservés&gt;), donnez à son identité l’accès à la clé dans le coffre de clés, puis cliquez sur Actualiser la liste.</translation>
    </message>
    <message>
        <source>Loading the disk encryption sets of subscription %1…</source>
        <translation>Chargement des jeux de chiffrement de disque de l’abonnement %1…</translation>
    </message>
    <message>
        <source>Could not load the disk encryption sets: %1</source>
        <translation>Impossible de charger les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>The list of disk encryption sets is incomplete; press Refresh the list.</source>
        <translation>La liste des jeux de chiffrement de disque est incomplète&#x202f;; cliquez sur Actualiser la liste.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 names of disk encryption sets, %2 their encryption type</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The chosen disk encryption sets do not have the same encryption type (%1). An image version uses one encryption type: choose the type, then disk encryption sets of that type in every region.</source>
        <translation>Les jeux de chiffrement de disque choisis n’ont pas le même type de chiffrement (%1). Une version d’image utilise un seul type de chiffrement&#xa0;: choisissez le type, puis des jeux de chiffrement de disque de ce type dans chaque région.</translation>
    </message>
    <message>
        <source>Problems with the keys of the chosen disk encryption sets:</source>
        <translation>Problèmes des clés des jeux de chiffrement de disque choisis&#xa0;:</translation>
    </message>
    <message>
        <source>Checking the key of %1…</source>
        <translation>Vérification de la clé de %1…</translation>
    </message>
    <message>
        <source>Key health: %1</source>
        <translation>Santé de la clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Correction&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <extracomment>Accessible name of a fix button: %1 the fix (Grant key access...), %2 a disk encryption set</extracomment>
        <translation>%1 pour %2</translation>
    </message>
    <message>
        <source>Enable purge protection?</source>
        <translation>Activer la protection contre le vidage&#x202f;?</translation>
    </message>
    <message>
        <source>Turn on purge protection for the key vault %1?

This cannot be undone: once it is on, the vault and its keys cannot be purged (deleted for good) before their retention period ends, not even by you. Azure asks for it on the key vaults of disk encryption sets.</source>
        <translation>Activer la protection contre le vidage sur le coffre de clés %1&#x202f;?

C’est irréversible&#xa0;: une fois activée, ni le coffre ni ses clés ne peuvent être vidés (supprimés définitivement) avant la fin de leur période de rétention, pas même par vous. Azure la demande sur les coffres de clés des jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>&amp;Enable purge protection</source>
        <translation>&amp;Activer la protection contre le vidage</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Azure cannot use the key of %1 (%2): fix it as shown below the grid, or choose another disk encryption set.</source>
        <extracomment>%1 a disk encryption set, %2 the finding&apos;s code (KEY_ACCESS_MISSING...)</extracomment>
        <translation>Azure ne peut pas utiliser la clé de %1 (%2)&#xa0;: corrigez-la comme indiqué sous la grille, ou choisissez un autre jeu de chiffrement de disque.</translation>
    </message>
    <message>
        <source>Encryption type changed from “%1” to “%2”.</source>
        <translation>Type de chiffrement changé de «&#xa0;%1&#xa0;» en «&#xa0;%2&#xa0;».</translation>
    </message>
    <message numerus="yes">
        <source>The disk encryption sets chosen in %n region(s) were cleared: a set serves one encryption type. They come back if you switch back.</source>
        <translation>
            <numerusform>Les jeux de chiffrement de disque choisis dans %n région ont été effacés&#xa0;: un jeu sert un seul type de chiffrement. Ils reviennent si vous revenez à ce type.</numerusform>
            <numerusform>Les jeux de chiffrement de disque choisis dans %n régions ont été effacés&#xa0;: un jeu sert un seul type de chiffrement. Ils reviennent si vous revenez à ce type.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The sets chosen earlier for this type in %n region(s) were restored.</source>
        <translation>
            <numerusform>Les jeux choisis auparavant pour ce type dans %n région ont été restaurés.</numerusform>
            <numerusform>Les jeux choisis auparavant pour ce type dans %n régions ont été restaurés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cmkui::FleetAuditTableModel</name>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>No finding.</source>
        <translation>Aucun constat.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Image version</source>
        <translation>Version d’image</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>cmkui::FleetTab</name>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Lo&amp;cataire&#xa0;:</translation>
    </message>
    <message>
        <source>All tenants</source>
        <translation>Tous les locataires</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Tout &amp;sélectionner</translation>
    </message>
    <message>
        <source>S&amp;ubscriptions:</source>
        <translation>A&amp;bonnements&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Text in any column</source>
        <translation>Texte dans n’importe quelle colonne</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>JSON…</source>
        <translation>JSON…</translation>
    </message>
    <message>
        <source>HTML…</source>
        <translation>HTML…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Choose the subscriptions, then Start.</source>
        <translation>Choisissez les abonnements, puis Démarrer.</translation>
    </message>
    <message>
        <source>The scan could not run: %1</source>
        <translation>L’analyse n’a pas pu s’exécuter&#xa0;: %1</translation>
    </message>
    <message>
        <source>Subscriptions %1 of %2</source>
        <translation>Abonnements&#xa0;: %1 sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln version(s)</source>
        <translation>
            <numerusform>%Ln version</numerusform>
            <numerusform>%Ln versions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln finding(s)</source>
        <translation>
            <numerusform>%Ln constat</numerusform>
            <numerusform>%Ln constats</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the table keeps what was found until then.</source>
        <translation>Annulée&#xa0;: le tableau garde ce qui a été trouvé jusque-là.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminée.</translation>
    </message>
    <message>
        <source>Not reviewed: %1. %2</source>
        <translation>Non examiné&#xa0;: %1. %2</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Toutes les gravités</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Tous les codes</translation>
    </message>
    <message>
        <source>All subscriptions</source>
        <translation>Tous les abonnements</translation>
    </message>
    <message>
        <source>All galleries</source>
        <translation>Toutes les galeries</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Toutes les régions</translation>
    </message>
    <message>
        <source>All encryption types</source>
        <translation>Tous les types de chiffrement</translation>
    </message>
    <message>
        <source>Export the fleet audit</source>
        <translation>Exporter l’audit du parc</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Fi&amp;lter:</source>
        <translation>&amp;Filtrer&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cmkui::PrerequisitesPage</name>
    <message>
        <source>Register for the whole subscription?</source>
        <translation>Inscrire pour tout l’abonnement&#x202f;?</translation>
    </message>
    <message>
        <source>Register the preview feature %1 for subscription %2?</source>
        <translation>Inscrire la fonctionnalité en préversion %1 pour l’abonnement %2&#x202f;?</translation>
    </message>
    <message>
        <source>Register the resource provider %1 for subscription %2?</source>
        <translation>Inscrire le fournisseur de ressources %1 pour l’abonnement %2&#x202f;?</translation>
    </message>
    <message>
        <source>This changes the whole subscription, not only this image version: every user and deployment of the subscription is affected. It needs the Contributor or Owner role, or a role with the Microsoft.Features/providers/features/register/action permission. Azure can take up to 30 minutes to finish.</source>
        <translation>Cela modifie tout l’abonnement, et pas seulement cette version d’image&#xa0;: tous les utilisateurs et tous les déploiements de l’abonnement sont concernés. Il faut le rôle Contributeur ou Propriétaire, ou un rôle doté de l’autorisation Microsoft.Features/providers/features/register/action. Azure peut mettre jusqu’à 30 minutes pour terminer.</translation>
    </message>
    <message>
        <source>This changes the whole subscription, not only this image version: every user and deployment of the subscription is affected. It needs a role with the */register/action permission, such as Contributor or Owner. Azure usually takes a few minutes to finish.</source>
        <translation>Cela modifie tout l’abonnement, et pas seulement cette version d’image&#xa0;: tous les utilisateurs et tous les déploiements de l’abonnement sont concernés. Il faut un rôle doté de l’autorisation */register/action, comme Contributeur ou Propriétaire. Azure met généralement quelques minutes pour terminer.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Prerequisites</source>
        <translation>Prérequis</translation>
    </message>
    <message>
        <source>Your subscription must have the preview feature and the Compute resource provider registered before it can create image versions encrypted with your own keys.</source>
        <translation>La fonctionnalité en préversion et le fournisseur de ressources Compute doivent être inscrits dans votre abonnement avant qu’il puisse créer des versions d’image chiffrées avec vos propres clés.</translation>
    </message>
    <message>
        <source>No subscription is selected yet: go back and choose one.</source>
        <translation>Aucun abonnement n’est encore sélectionné&#xa0;: revenez en arrière et choisissez-en un.</translation>
    </message>
    <message>
        <source>State in subscription %1, as Azure reports it now:</source>
        <translation>État dans l’abonnement %1, tel qu’Azure le signale actuellement&#xa0;:</translation>
    </message>
    <message>
        <source>Subscription checked</source>
        <translation>Abonnement vérifié</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Preview feature %1</source>
        <translation>Fonctionnalité en préversion %1</translation>
    </message>
    <message>
        <source>Preview feature</source>
        <translation>Fonctionnalité en préversion</translation>
    </message>
    <message>
        <source>Resource provider %1</source>
        <translation>Fournisseur de ressources %1</translation>
    </message>
    <message>
        <source>Resource provider</source>
        <translation>Fournisseur de ressources</translation>
    </message>
    <message>
        <source>Register the preview feature</source>
        <translation>Inscrire la fonctionnalité en préversion</translation>
    </message>
    <message>
        <source>Registers the feature for the whole subscription, after a confirmation.</source>
        <translation>Inscrit la fonctionnalité pour tout l’abonnement, après confirmation.</translation>
    </message>
    <message>
        <source>Register the resource provider</source>
        <translation>Inscrire le fournisseur de ressources</translation>
    </message>
    <message>
        <source>Registers the resource provider for the whole subscription, after a confirmation.</source>
        <translation>Inscrit le fournisseur de ressources pour tout l’abonnement, après confirmation.</translation>
    </message>
    <message>
        <source>Feature state</source>
        <translation>État de la fonctionnalité</translation>
    </message>
    <message>
        <source>What the feature state means</source>
        <translation>Signification de l’état de la fonctionnalité</translation>
    </message>
    <message>
        <source>Provider state</source>
        <translation>État du fournisseur</translation>
    </message>
    <message>
        <source>What the provider state means</source>
        <translation>Signification de l’état du fournisseur</translation>
    </message>
    <message>
        <source>Do not require the preview feature</source>
        <translation>Ne pas exiger la fonctionnalité en préversion</translation>
    </message>
    <message>
        <source>Registration in progress</source>
        <translation>Inscription en cours</translation>
    </message>
    <message>
        <source>Registration progress</source>
        <translation>Progression de l’inscription</translation>
    </message>
    <message>
        <source>Check the registration state again</source>
        <translation>Vérifier de nouveau l’état d’inscription</translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation>Que faire ensuite</translation>
    </message>
    <message>
        <source>State: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>État&#xa0;: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for Azure to finish the registration: next check in %n second(s) (check %1).</source>
        <translation>
            <numerusform>En attente de la fin de l’inscription par Azure&#xa0;: prochaine vérification dans %n seconde (vérification %1).</numerusform>
            <numerusform>En attente de la fin de l’inscription par Azure&#xa0;: prochaine vérification dans %n secondes (vérification %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking Azure…</source>
        <translation>Interrogation d’Azure…</translation>
    </message>
    <message>
        <source>Everything is in place: continue with the next step.</source>
        <translation>Tout est en place&#xa0;: passez à l’étape suivante.</translation>
    </message>
    <message>
        <source>You can go on with the wizard while Azure registers; this step checks again when you come back to it.</source>
        <translation>Vous pouvez poursuivre l’Assistant pendant qu’Azure procède à l’inscription&#x202f;; cette étape vérifiera de nouveau quand vous y reviendrez.</translation>
    </message>
    <message>
        <source>Register what is missing, or ask an administrator of the subscription to do it.</source>
        <translation>Inscrivez ce qui manque, ou demandez à un administrateur de l’abonnement de le faire.</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Inscrire…</translation>
    </message>
    <message>
        <source>Re&amp;gister…</source>
        <translation>I&amp;nscrire…</translation>
    </message>
    <message>
        <source>Customer-managed keys for galleries are generally &amp;available in this subscription: do not require the preview feature</source>
        <translation>Clés gérées par le client en disponibilité &amp;générale pour les galeries de cet abonnement&#xa0;: ne pas exiger la préversion</translation>
    </message>
    <message>
        <source>Remembered for subscription %1 only; untick it to check the preview feature again. Review + create reminds you that the check is off.</source>
        <translation>Mémorisé pour l’abonnement %1 uniquement&#x202f;; décochez la case pour vérifier de nouveau la fonctionnalité en préversion. Vérifier + créer vous rappelle que la vérification est désactivée.</translation>
    </message>
    <message>
        <source>C&amp;heck again</source>
        <translation>&amp;Vérifier de nouveau</translation>
    </message>
</context>
<context>
    <name>cmkui::ReplicationPage</name>
    <message>
        <source>Replication</source>
        <translation>Réplication</translation>
    </message>
    <message>
        <source>The regions that hold a copy of the image version, and its lifecycle.</source>
        <translation>Les régions qui conservent une copie de la version d’image, et son cycle de vie.</translation>
    </message>
    <message>
        <source>The image version is stored in its location first, then replicated to the other target regions. More replicas serve more simultaneous deployments.</source>
        <translation>La version d’image est d’abord stockée dans son emplacement, puis répliquée dans les autres régions cibles. Plus il y a de réplicas, plus les déploiements simultanés peuvent être nombreux.</translation>
    </message>
    <message>
        <source>Target regions</source>
        <translation>Régions cibles</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Replica count</source>
        <translation>Nombre de réplicas</translation>
    </message>
    <message>
        <source>Storage account type</source>
        <translation>Type de compte de stockage</translation>
    </message>
    <message>
        <source>Add &amp;region:</source>
        <translation>Ajouter une &amp;région&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a region</source>
        <translation>Choisissez une région</translation>
    </message>
    <message>
        <source>Region to add</source>
        <translation>Région à ajouter</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add the region</source>
        <translation>Ajouter la région</translation>
    </message>
    <message>
        <source>Re&amp;move region</source>
        <translation>Supprimer la régi&amp;on</translation>
    </message>
    <message>
        <source>Remove the selected region</source>
        <translation>Supprimer la région sélectionnée</translation>
    </message>
    <message>
        <source>Defaults for new regions</source>
        <translation>Valeurs par défaut des nouvelles régions</translation>
    </message>
    <message>
        <source>Default replica &amp;count:</source>
        <translation>&amp;Nombre de réplicas par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Default replica count</source>
        <translation>Nombre de réplicas par défaut</translation>
    </message>
    <message>
        <source>Default &amp;storage account type:</source>
        <translation>T&amp;ype de compte de stockage par défaut&#xa0;:</translation>
    </message>
    <message>
        <source>Default storage account type</source>
        <translation>Type de compte de stockage par défaut</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>Cycle de vie</translation>
    </message>
    <message>
        <source>&amp;End-of-life date:</source>
        <translation>Date de &amp;fin de vie&#xa0;:</translation>
    </message>
    <message>
        <source>Set an end-of-life date</source>
        <translation>Définir une date de fin de vie</translation>
    </message>
    <message>
        <source>End-of-life date</source>
        <translation>Date de fin de vie</translation>
    </message>
    <message>
        <source>E&amp;xclude from latest (deployments of “latest” do not use this version)</source>
        <translation>E&amp;xclure de la plus récente (les déploiements de «&#xa0;latest&#xa0;» n’utilisent pas cette version)</translation>
    </message>
    <message>
        <source>Exclude from latest</source>
        <translation>Exclure de la plus récente</translation>
    </message>
    <message>
        <source>The location of the image version; it cannot be removed.</source>
        <translation>L’emplacement de la version d’image&#x202f;; il ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>Replica count in %1</source>
        <translation>Nombre de réplicas dans %1</translation>
    </message>
    <message>
        <source>Storage account type in %1</source>
        <translation>Type de compte de stockage dans %1</translation>
    </message>
    <message>
        <source>Disk encryption sets in the target regions</source>
        <translation>Jeux de chiffrement de disque dans les régions cibles</translation>
    </message>
    <message>
        <source>Removing %1 deletes the replicas of the image version there: new deployments in that region can no longer use it. Azure does it only when the update allows it.</source>
        <translation>Retirer %1 supprime les réplicas de la version d’image dans cette région&#xa0;: les nouveaux déploiements dans cette région ne peuvent plus l’utiliser. Azure ne le fait que si la mise à jour l’autorise.</translation>
    </message>
    <message>
        <source>&amp;Delete the replicas in the removed regions (safetyProfile.allowDeletionOfReplicatedLocations)</source>
        <translation>Supprimer les répli&amp;cas des régions retirées (safetyProfile.allowDeletionOfReplicatedLocations)</translation>
    </message>
</context>
<context>
    <name>cmkui::ReviewCreatePage</name>
    <message>
        <source>Review + create</source>
        <translation>Vérifier + créer</translation>
    </message>
    <message>
        <source>Check everything, then press Create. Nothing is sent to Azure before that.</source>
        <translation>Vérifiez tout, puis cliquez sur Créer. Rien n’est envoyé à Azure avant.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Done: Azure created it. What it holds is summarised below; close the wizard when you are finished.</source>
        <translation>Terminé&#xa0;: Azure a créé la ressource. Son contenu est résumé ci-dessous&#x202f;; fermez l’Assistant quand vous avez terminé.</translation>
    </message>
    <message>
        <source>Azure is working on it: the progress is below.</source>
        <translation>Azure y travaille&#xa0;: la progression s’affiche ci-dessous.</translation>
    </message>
</context>
<context>
    <name>cmkui::ReviewExportDialog</name>
    <message>
        <source>Export as %1</source>
        <translation>Exporter en %1</translation>
    </message>
    <message>
        <source>%1 (*%2)</source>
        <translation>%1 (*%2)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The same settings as an Azure CLI command, a PowerShell script, an ARM template or a Bicep file.</source>
        <translation>Les mêmes paramètres sous forme de commande Azure CLI, de script PowerShell, de modèle ARM ou de fichier Bicep.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>E&amp;xporter</translation>
    </message>
</context>
<context>
    <name>cmkui::ReviewWindow</name>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Impossible d’enregistrer %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Review an image version</source>
        <translation>Examiner une version d’image</translation>
    </message>
    <message>
        <source>Browse:</source>
        <translation>Parcourir&#xa0;:</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Image definition</source>
        <translation>Définition d’image</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/…</source>
        <translation>/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/galleries/…/images/…/versions/…</translation>
    </message>
    <message>
        <source>Target regions × disks</source>
        <translation>Régions cibles × disques</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>The image version could not be read: %1</source>
        <translation>Impossible de lire la version d’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reviewed: no findings. Every disk in every region is consistently encrypted.</source>
        <translation>Examen terminé&#xa0;: aucun constat. Chaque disque est chiffré de façon cohérente dans chaque région.</translation>
    </message>
    <message>
        <source>Image version %1 of %2 in gallery %3</source>
        <translation>Version d’image %1 de %2 dans la galerie %3</translation>
    </message>
    <message>
        <source>Location: %1</source>
        <translation>Emplacement&#xa0;: %1</translation>
    </message>
    <message>
        <source>Replication: %1</source>
        <translation>Réplication&#xa0;: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>End of life: %1</source>
        <translation>Fin de vie&#xa0;: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Excluded from latest: %1</source>
        <translation>Exclue de la plus récente&#xa0;: %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Data-disk snapshot (LUN %1)</source>
        <translation>Instantané de disque de données (LUN %1)</translation>
    </message>
    <message>
        <source>Source: %1 %2</source>
        <translation>Source&#xa0;: %1 %2</translation>
    </message>
    <message>
        <source>no longer exists</source>
        <translation>n’existe plus</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Réplication</translation>
    </message>
    <message>
        <source>No findings: every disk in every region is consistently encrypted.</source>
        <translation>Aucun constat&#xa0;: chaque disque est chiffré de façon cohérente dans chaque région.</translation>
    </message>
    <message>
        <source>The list could not be read: %1</source>
        <translation>Impossible de lire la liste&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reviewed: %1, %2.</source>
        <translation>Examiné&#xa0;: %1, %2.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problème</numerusform>
            <numerusform>%n problèmes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n avertissement</numerusform>
            <numerusform>%n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>Key health of the disk encryption sets</source>
        <translation>Santé des clés des jeux de chiffrement de disque</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 a disk encryption set, %2 the status of its key (OK, warning, error, cannot verify)</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>No disk encryption set: nothing to check.</source>
        <translation>Aucun jeu de chiffrement de disque&#xa0;: rien à vérifier.</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Examiner</translation>
    </message>
    <message>
        <source>Or resource &amp;ID:</source>
        <translation>Ou &amp;ID de ressource&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Cop&amp;y as text</source>
        <translation>&amp;Copier en texte</translation>
    </message>
    <message>
        <source>Save &amp;JSON…</source>
        <translation>Enregistrer en &amp;JSON…</translation>
    </message>
    <message>
        <source>Save &amp;HTML…</source>
        <translation>Enregistrer en &amp;HTML…</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Edit replication…</source>
        <translation>Modifier la &amp;réplication…</translation>
    </message>
    <message>
        <source>Add or remove target regions, change replica counts, storage, disk encryption sets, end of life or tags of this image version.</source>
        <translation>Ajouter ou retirer des régions cibles, modifier le nombre de réplicas, le stockage, les jeux de chiffrement de disque, la fin de vie ou les étiquettes de cette version d’image.</translation>
    </message>
    <message>
        <source>O&amp;ne version</source>
        <translation>&amp;Une version</translation>
    </message>
    <message>
        <source>&amp;Fleet</source>
        <translation>P&amp;arc</translation>
    </message>
</context>
<context>
    <name>cmkui::SignInDialog</name>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>cmkui::SignInWidget</name>
    <message>
        <source>The Microsoft Entra tenant whose subscriptions are listed.</source>
        <translation>Le locataire Microsoft Entra dont les abonnements sont listés.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Se connecter…</translation>
    </message>
    <message>
        <source>Sign in with a code…</source>
        <translation>Se connecter avec un code…</translation>
    </message>
    <message>
        <source>For sessions without a browser: enter a code on another device.</source>
        <translation>Pour les sessions sans navigateur&#xa0;: entrez un code sur un autre appareil.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>Lo&amp;cataire&#xa0;:</translation>
    </message>
    <message>
        <source>The browser could not be opened. Open this address to sign in: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</source>
        <translation>Impossible d’ouvrir le navigateur. Ouvrez cette adresse pour vous connecter&#xa0;: &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Reading the saved sign-in…</source>
        <translation>Lecture de la connexion enregistrée…</translation>
    </message>
    <message>
        <source>Complete the sign-in in your browser…</source>
        <translation>Terminez la connexion dans votre navigateur…</translation>
    </message>
    <message>
        <source>Waiting for the sign-in on the verification page…</source>
        <translation>En attente de la connexion sur la page de vérification…</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Connecté en tant que %1.</translation>
    </message>
    <message>
        <source>Your sign-in as %1 has expired. Sign in again to continue; your work is kept.</source>
        <translation>Votre connexion en tant que %1 a expiré. Reconnectez-vous pour continuer&#x202f;; votre travail est conservé.</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <source>The tenants could not be listed: %1</source>
        <translation>Impossible de lister les locataires&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Application (&amp;client) ID:</source>
        <translation>ID d’application (&amp;client)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cmkui::SubmitPage</name>
    <message>
        <source>Show the &amp;request that will be sent</source>
        <translation>Afficher la &amp;requête qui sera envoyée</translation>
    </message>
    <message>
        <source>Show the request</source>
        <translation>Afficher la requête</translation>
    </message>
    <message>
        <source>PUT &amp;URL:</source>
        <translation>&amp;URL du PUT&#xa0;:</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>URL de la requête</translation>
    </message>
    <message>
        <source>Request &amp;body (JSON):</source>
        <translation>C&amp;orps de la requête (JSON)&#xa0;:</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corps de la requête</translation>
    </message>
    <message>
        <source>Cop&amp;y the request</source>
        <translation>Cop&amp;ier la requête</translation>
    </message>
    <message>
        <source>Copy the request</source>
        <translation>Copier la requête</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Creation progress</source>
        <translation>Progression de la création</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Error from Azure</source>
        <translation>Erreur renvoyée par Azure</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>non choisi</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Image version</source>
        <translation>Version d’image</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Groupe de ressources</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>Image definition</source>
        <translation>Définition d’image</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Emplacement</translation>
    </message>
    <message>
        <source>Managed image</source>
        <translation>Image managée</translation>
    </message>
    <message>
        <source>OS disk snapshot</source>
        <translation>Instantané du disque de SE</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>Réplication</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Replica count</source>
        <translation>Nombre de réplicas</translation>
    </message>
    <message>
        <source>Storage account type</source>
        <translation>Type de compte de stockage</translation>
    </message>
    <message>
        <source>Default replica count</source>
        <translation>Nombre de réplicas par défaut</translation>
    </message>
    <message>
        <source>End-of-life date</source>
        <translation>Date de fin de vie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Exclude from latest</source>
        <translation>Exclure de la plus récente</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <source>This image version cannot be shared or copied, and cannot go back to platform-managed keys.</source>
        <translation>Cette version d’image ne peut être ni partagée ni copiée, et ne peut plus revenir aux clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Replication state of one region: %1 region, %2 state (Replicating, Completed...)</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Replication to %1</source>
        <translation>Réplication dans %1</translation>
    </message>
    <message>
        <source>Azure did not create the image version.
%1
Your choices are kept: go Back to change them, or press Create to try again.</source>
        <translation>Azure n’a pas créé la version d’image.
%1
Vos choix sont conservés&#xa0;: cliquez sur Précédent pour les modifier, ou sur Créer pour réessayer.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>The request cannot be built: %1</source>
        <translation>Impossible de construire la requête&#xa0;: %1</translation>
    </message>
    <message>
        <source>Create &amp;VM from this version</source>
        <translation>Créer une &amp;machine virtuelle à partir de cette version</translation>
    </message>
    <message>
        <source>Key health</source>
        <translation>Santé des clés</translation>
    </message>
    <message>
        <source>Disk encryption set</source>
        <translation>Jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>Back to &amp;Prerequisites</source>
        <translation>Retour aux &amp;prérequis</translation>
    </message>
    <message>
        <source>The preview feature and the resource provider of the subscription: their state, and Register.</source>
        <translation>La fonctionnalité en préversion et le fournisseur de ressources de l’abonnement&#xa0;: leur état, et Inscrire.</translation>
    </message>
    <message>
        <source>This is a prerequisite of the subscription: “Back to Prerequisites” shows its state and registers it.</source>
        <translation>Il s’agit d’un prérequis de l’abonnement&#xa0;: «&#xa0;Retour aux prérequis&#xa0;» affiche son état et permet de l’inscrire.</translation>
    </message>
    <message>
        <source>Review the &amp;new version</source>
        <translation>Examiner la &amp;nouvelle version</translation>
    </message>
    <message>
        <source>Opens the review window on it: its encryption in every region, as Azure reports it.</source>
        <translation>Ouvre la fenêtre d’examen sur cette version&#xa0;: son chiffrement dans chaque région, tel qu’Azure le signale.</translation>
    </message>
    <message>
        <source>PATCH &amp;URL:</source>
        <translation>&amp;URL du PATCH&#xa0;:</translation>
    </message>
    <message>
        <source>Review + update</source>
        <translation>Vérifier + mettre à jour</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>Nothing changes yet.</source>
        <translation>Rien ne change pour l’instant.</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Paramètre</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <source>(image version)</source>
        <translation>(version d’image)</translation>
    </message>
    <message>
        <source>The replicas in the removed regions are deleted (safetyProfile.allowDeletionOfReplicatedLocations).</source>
        <translation>Les réplicas des régions retirées sont supprimés (safetyProfile.allowDeletionOfReplicatedLocations).</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Mettre à jour</translation>
    </message>
    <message>
        <source>Updated: %1</source>
        <translation>Mise à jour&#xa0;: %1</translation>
    </message>
    <message>
        <source>Check the changes, then press Update. Nothing is sent to Azure before that.</source>
        <translation>Vérifiez les modifications, puis cliquez sur Mettre à jour. Rien n’est envoyé à Azure avant.</translation>
    </message>
    <message>
        <source>Done: Azure updated it. The version as it is now is summarised below; close the wizard when you are finished.</source>
        <translation>Terminé&#xa0;: Azure l’a mise à jour. La version telle qu’elle est maintenant est résumée ci-dessous&#xa0;; fermez l’assistant quand vous avez fini.</translation>
    </message>
    <message>
        <source>Azure did not update the image version.
%1
Your changes are kept: go Back to change them, or press Update to try again.</source>
        <translation>Azure n’a pas mis à jour la version d’image.
%1
Vos modifications sont conservées&#xa0;: cliquez sur Précédent pour les modifier, ou sur Mettre à jour pour réessayer.</translation>
    </message>
    <message>
        <source>Nothing changes yet: go Back to change the target regions, encryption or tags.</source>
        <translation>Rien ne change pour l’instant&#xa0;: cliquez sur Précédent pour modifier les régions cibles, le chiffrement ou les étiquettes.</translation>
    </message>
</context>
<context>
    <name>cmkui::TagsPage</name>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Optional name/value pairs that help you find and bill the image version.</source>
        <translation>Paires nom/valeur facultatives qui aident à retrouver et à facturer la version d’image.</translation>
    </message>
    <message>
        <source>Tag names have at most %1 characters and cannot contain &lt; &gt; % &amp; \ ? /. Values have at most %2 characters.</source>
        <translation>Les noms d’étiquette comptent au plus %1 caractères et ne peuvent pas contenir &lt; &gt; % &amp; \&#x202f;? /. Les valeurs comptent au plus %2 caractères.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>&amp;Add tag</source>
        <translation>&amp;Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>&amp;Remove tag</source>
        <translation>&amp;Retirer l’étiquette</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>Retirer l’étiquette</translation>
    </message>
</context>
<context>
    <name>cmkui::VmBasicsPage</name>
    <message>
        <source>Basics</source>
        <translation>Informations de base</translation>
    </message>
    <message>
        <source>Create a virtual machine from this image version, with your keys on its disks.</source>
        <translation>Créez une machine virtuelle à partir de cette version d’image, avec vos clés sur ses disques.</translation>
    </message>
    <message>
        <source>The virtual machine starts from the image version below, in one of the regions it is replicated to.</source>
        <translation>La machine virtuelle démarre à partir de la version d’image ci-dessous, dans l’une des régions où celle-ci est répliquée.</translation>
    </message>
    <message>
        <source>&amp;Resource group:</source>
        <translation>&amp;Groupe de ressources&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a resource group</source>
        <translation>Choisissez un groupe de ressources</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Groupe de ressources</translation>
    </message>
    <message>
        <source>Virtual machine name</source>
        <translation>Nom de la machine virtuelle</translation>
    </message>
    <message>
        <source>Re&amp;gion:</source>
        <translation>&amp;Région&#xa0;:</translation>
    </message>
    <message>
        <source>Only the regions the image version is replicated to are offered.</source>
        <translation>Seules les régions où la version d’image est répliquée sont proposées.</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>Tai&amp;lle&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a size</source>
        <translation>Choisissez une taille</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>This image is specialized: the virtual machine keeps the accounts, host name and settings of the image, so no administrator account is asked for.</source>
        <translation>Cette image est spécialisée&#xa0;: la machine virtuelle conserve les comptes, le nom d’hôte et les paramètres de l’image&#x202f;; aucun compte administrateur n’est donc demandé.</translation>
    </message>
    <message>
        <source>Administrator account</source>
        <translation>Compte administrateur</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Administrator user name</source>
        <translation>Nom d’utilisateur de l’administrateur</translation>
    </message>
    <message>
        <source>SS&amp;H public key</source>
        <translation>Clé publique SS&amp;H</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>SSH public &amp;key:</source>
        <translation>&amp;Clé publique SSH&#xa0;:</translation>
    </message>
    <message>
        <source>ssh-ed25519 AAAA… you@host</source>
        <translation>ssh-ed25519 AAAA… vous@hôte</translation>
    </message>
    <message>
        <source>SSH public key</source>
        <translation>Clé publique SSH</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>M&amp;ot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Administrator password</source>
        <translation>Mot de passe de l’administrateur</translation>
    </message>
    <message>
        <source>&amp;Confirm password:</source>
        <translation>Confirm&amp;er le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <source>Confirm the administrator password</source>
        <translation>Confirmez le mot de passe de l’administrateur</translation>
    </message>
    <message>
        <source>Reading the image version…</source>
        <translation>Lecture de la version d’image…</translation>
    </message>
    <message>
        <source>Loading resource groups…</source>
        <translation>Chargement des groupes de ressources…</translation>
    </message>
    <message>
        <source>Loading the sizes of the region…</source>
        <translation>Chargement des tailles de la région…</translation>
    </message>
    <message>
        <source>Image version %1 of %2 (gallery %3): %4, %5.</source>
        <extracomment>%1 version, %2 image definition, %3 gallery, %4 OS type, %5 Generalized/Specialized</extracomment>
        <translation>Version d’image %1 de %2 (galerie %3)&#xa0;: %4, %5.</translation>
    </message>
    <message>
        <source>specialized</source>
        <translation>spécialisée</translation>
    </message>
    <message>
        <source>generalized</source>
        <translation>généralisée</translation>
    </message>
    <message>
        <source>The image version could not be read: %1</source>
        <translation>Impossible de lire la version d’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>Image version: %1</source>
        <translation>Version d’image&#xa0;: %1</translation>
    </message>
    <message>
        <source>Wait until the image version has been read.</source>
        <translation>Attendez la fin de la lecture de la version d’image.</translation>
    </message>
    <message>
        <source>The resource groups could not be listed: %1</source>
        <translation>Impossible de lister les groupes de ressources&#xa0;: %1</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <source>Virtual machine na&amp;me:</source>
        <translation>&amp;Nom de la machine virtuelle&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cmkui::VmConfidentialWidget</name>
    <message>
        <source>Confidential VM</source>
        <translation>Machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>The image is a Confidential VM image: the VM is created as a Confidential VM with secure boot and a virtual TPM, and its OS disk keeps the VM guest state encrypted.</source>
        <translation>L’image est une image de machine virtuelle confidentielle&#xa0;: la machine virtuelle est créée comme machine virtuelle confidentielle avec démarrage sécurisé et TPM virtuel, et son disque de système d’exploitation garde l’état invité de la machine virtuelle chiffré.</translation>
    </message>
    <message>
        <source>OS disk &amp;confidential encryption:</source>
        <translation>&amp;Chiffrement confidentiel du disque de SE&#xa0;:</translation>
    </message>
    <message>
        <source>Secure-VM disk encr&amp;yption set:</source>
        <translation>Jeu de chiffrement de disque de machine virtuelle sécuris&amp;ée&#xa0;:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A disk encryption set in a list: %1 its name, %2 its resource group</extracomment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cmkui::VmDisksPage</name>
    <message>
        <source>Loading disk encryption sets…</source>
        <translation>Chargement des jeux de chiffrement de disque…</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Disques</translation>
    </message>
    <message>
        <source>Choose how the disks of the virtual machine are encrypted at rest.</source>
        <translation>Choisissez comment les disques de la machine virtuelle sont chiffrés au repos.</translation>
    </message>
    <message>
        <source>Each disk may use a disk encryption set of the VM&apos;s region and subscription whose type matches the encryption type; no other is offered. The image&apos;s own sets are chosen by default.</source>
        <translation>Chaque disque peut utiliser un jeu de chiffrement de disque de la région et de l’abonnement de la machine virtuelle dont le type correspond au type de chiffrement&#x202f;; aucun autre n’est proposé. Les jeux de l’image sont choisis par défaut.</translation>
    </message>
    <message>
        <source>&amp;Encryption type:</source>
        <translation>T&amp;ype de chiffrement&#xa0;:</translation>
    </message>
    <message>
        <source>Encryption type</source>
        <translation>Type de chiffrement</translation>
    </message>
    <message>
        <source>&amp;Same disk encryption set for all disks</source>
        <translation>&amp;Même jeu de chiffrement de disque pour tous les disques</translation>
    </message>
    <message>
        <source>Use the &amp;image&apos;s disk encryption sets</source>
        <translation>Utiliser les jeux de chiffrement de disque de l’&amp;image</translation>
    </message>
    <message>
        <source>Disk encryption set for the %1</source>
        <extracomment>Accessible name of a dropdown: %1 the disk (OS disk, data disk (LUN 1))</extracomment>
        <translation>Jeu de chiffrement de disque pour le %1</translation>
    </message>
    <message>
        <source>Choose a disk encryption set</source>
        <translation>Choisissez un jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>None in this region</source>
        <translation>Aucun dans cette région</translation>
    </message>
    <message>
        <source>In %1 the image version uses platform-managed keys.</source>
        <translation>Dans %1, la version d’image utilise des clés gérées par la plateforme.</translation>
    </message>
    <message>
        <source>In %1 the image version is encrypted with %2.</source>
        <translation>Dans %1, la version d’image est chiffrée avec %2.</translation>
    </message>
    <message>
        <source>There is no disk encryption set of type “%1” in %2 in this subscription. Create one (and give it access to its key vault), then come back:
%3</source>
        <translation>Il n’existe aucun jeu de chiffrement de disque de type «&#xa0;%1&#xa0;» dans %2 dans cet abonnement. Créez-en un (et donnez-lui accès à son coffre de clés), puis revenez&#xa0;:
%3</translation>
    </message>
    <message>
        <source>Wait until the disk encryption sets have been listed.</source>
        <translation>Attendez la fin de la liste des jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The disk encryption sets could not be listed: %1</source>
        <translation>Impossible de lister les jeux de chiffrement de disque&#xa0;: %1</translation>
    </message>
    <message>
        <source>There is no disk encryption set of type “%1” in %2 in this subscription.</source>
        <translation>Il n’existe aucun jeu de chiffrement de disque de type «&#xa0;%1&#xa0;» dans %2 dans cet abonnement.</translation>
    </message>
    <message>
        <source>Disk size and storage type</source>
        <translation>Taille et stockage des disques</translation>
    </message>
    <message>
        <source>OS disk si&amp;ze:</source>
        <translation>&amp;Taille du disque de SE&#xa0;:</translation>
    </message>
    <message>
        <source> GiB</source>
        <extracomment>Unit after the OS disk size</extracomment>
        <translation>&#xa0;Gio</translation>
    </message>
    <message>
        <source>OS disk size in GiB</source>
        <translation>Taille du disque de SE en Gio</translation>
    </message>
    <message>
        <source>%1 storage:</source>
        <extracomment>Label of a storage account type dropdown: %1 the disk (OS disk, Data disk (LUN 1))</extracomment>
        <translation>Stockage (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>Storage account type of the %1</source>
        <translation>Type de compte de stockage du %1</translation>
    </message>
    <message>
        <source>As the image (%1 GiB)</source>
        <translation>Comme l’image (%L1&#xa0;Gio)</translation>
    </message>
    <message>
        <source>As the image</source>
        <translation>Comme l’image</translation>
    </message>
    <message>
        <source>%1:</source>
        <extracomment>A disk row label: %1 is &quot;OS disk&quot; or &quot;Data disk (LUN 0)&quot;</extracomment>
        <translation>%1&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cmkui::VmNetworkingPage</name>
    <message>
        <source>Loading virtual networks…</source>
        <translation>Chargement des réseaux virtuels…</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>Mise en réseau</translation>
    </message>
    <message>
        <source>The virtual machine gets one network interface in a subnet of its region.</source>
        <translation>La machine virtuelle reçoit une interface réseau dans un sous-réseau de sa région.</translation>
    </message>
    <message>
        <source>Only the virtual networks of the VM&apos;s region and subscription are listed.</source>
        <translation>Seuls les réseaux virtuels de la région et de l’abonnement de la machine virtuelle sont listés.</translation>
    </message>
    <message>
        <source>Use an &amp;existing virtual network</source>
        <translation>Utiliser un réseau virtuel &amp;existant</translation>
    </message>
    <message>
        <source>Create a ne&amp;w virtual network</source>
        <translation>Créer un &amp;nouveau réseau virtuel</translation>
    </message>
    <message>
        <source>&amp;Virtual network:</source>
        <translation>&amp;Réseau virtuel&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a virtual network</source>
        <translation>Choisissez un réseau virtuel</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>Réseau virtuel</translation>
    </message>
    <message>
        <source>&amp;Subnet:</source>
        <translation>Sous-rése&amp;au&#xa0;:</translation>
    </message>
    <message>
        <source>Choose a subnet</source>
        <translation>Choisissez un sous-réseau</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Sous-réseau</translation>
    </message>
    <message>
        <source>New virtual network name</source>
        <translation>Nom du nouveau réseau virtuel</translation>
    </message>
    <message>
        <source>&amp;Address space:</source>
        <translation>Espace d’a&amp;dresses&#xa0;:</translation>
    </message>
    <message>
        <source>Address space of the new virtual network</source>
        <translation>Espace d’adresses du nouveau réseau virtuel</translation>
    </message>
    <message>
        <source>Su&amp;bnet name:</source>
        <translation>Nom du so&amp;us-réseau&#xa0;:</translation>
    </message>
    <message>
        <source>New subnet name</source>
        <translation>Nom du nouveau sous-réseau</translation>
    </message>
    <message>
        <source>Subnet address &amp;range:</source>
        <translation>Pla&amp;ge d’adresses du sous-réseau&#xa0;:</translation>
    </message>
    <message>
        <source>Address range of the new subnet</source>
        <translation>Plage d’adresses du nouveau sous-réseau</translation>
    </message>
    <message>
        <source>Network &amp;interface name:</source>
        <translation>Nom de l’&amp;interface réseau&#xa0;:</translation>
    </message>
    <message>
        <source>Network interface name</source>
        <translation>Nom de l’interface réseau</translation>
    </message>
    <message>
        <source>%1 (%2) — %3</source>
        <extracomment>A virtual network in a dropdown: %1 name, %2 resource group, %3 address spaces</extracomment>
        <translation>%1 (%2) — %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A subnet in a dropdown: %1 name, %2 address range</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>There is no virtual network in %1 in this subscription yet; create a new one below.</source>
        <translation>Il n’existe encore aucun réseau virtuel dans %1 dans cet abonnement&#x202f;; créez-en un ci-dessous.</translation>
    </message>
    <message>
        <source>Wait until the virtual networks have been listed.</source>
        <translation>Attendez la fin de la liste des réseaux virtuels.</translation>
    </message>
    <message>
        <source>The virtual networks could not be listed: %1</source>
        <translation>Impossible de lister les réseaux virtuels&#xa0;: %1</translation>
    </message>
    <message>
        <source>A virtual network named %1 already exists in %2. Choose it as an existing network, or give the new one another name.</source>
        <translation>Un réseau virtuel nommé %1 existe déjà dans %2. Choisissez-le comme réseau existant, ou donnez un autre nom au nouveau réseau.</translation>
    </message>
    <message>
        <source>Virtual network na&amp;me:</source>
        <translation>Nom du réseau &amp;virtuel&#xa0;:</translation>
    </message>
</context>
<context>
    <name>cmkui::VmReviewPage</name>
    <message>
        <source>Show the &amp;requests that will be sent</source>
        <translation>Afficher les &amp;requêtes qui seront envoyées</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <source>Cop&amp;y the requests</source>
        <translation>Cop&amp;ier les requêtes</translation>
    </message>
    <message>
        <source>Copy as &amp;PowerShell</source>
        <translation>Copier en Po&amp;werShell</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Machine virtuelle</translation>
    </message>
    <message>
        <source>Image version</source>
        <translation>Version d’image</translation>
    </message>
    <message>
        <source>%1 of %2 (gallery %3)</source>
        <translation>%1 de %2 (galerie %3)</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Système d’exploitation</translation>
    </message>
    <message>
        <source>%1, specialized</source>
        <translation>%1, spécialisée</translation>
    </message>
    <message>
        <source>%1, generalized</source>
        <translation>%1, généralisée</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Resource group</source>
        <translation>Groupe de ressources</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>SSH public key</source>
        <translation>Clé publique SSH</translation>
    </message>
    <message>
        <source>Password (not shown)</source>
        <translation>Mot de passe (non affiché)</translation>
    </message>
    <message>
        <source>kept from the specialized image</source>
        <translation>conservé depuis l’image spécialisée</translation>
    </message>
    <message>
        <source>Networking</source>
        <translation>Mise en réseau</translation>
    </message>
    <message>
        <source>New virtual network</source>
        <translation>Nouveau réseau virtuel</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>New subnet</source>
        <translation>Nouveau sous-réseau</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>Réseau virtuel</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Sous-réseau</translation>
    </message>
    <message>
        <source>Network interface</source>
        <translation>Interface réseau</translation>
    </message>
    <message>
        <source>Disks</source>
        <translation>Disques</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disque</translation>
    </message>
    <message>
        <source>Disk encryption set</source>
        <translation>Jeu de chiffrement de disque</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>non choisi</translation>
    </message>
    <message>
        <source>%1
Your choices are kept: go Back to change them, or press Create to try again.</source>
        <translation>%1
Vos choix sont conservés&#xa0;: cliquez sur Précédent pour les modifier, ou sur Créer pour réessayer.</translation>
    </message>
    <message>
        <source>The requests cannot be built: %1</source>
        <translation>Impossible de construire les requêtes&#xa0;: %1</translation>
    </message>
    <message>
        <source>OS disk size</source>
        <translation>Taille du disque de SE</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%L1&#xa0;Gio</translation>
    </message>
    <message>
        <source>as the image</source>
        <translation>comme l’image</translation>
    </message>
    <message>
        <source>%1 storage</source>
        <extracomment>Summary row title: %1 the disk (OS disk, Data disk (LUN 1))</extracomment>
        <translation>Stockage (%1)</translation>
    </message>
    <message>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Confidential VM</source>
        <translation>Machine virtuelle confidentielle</translation>
    </message>
    <message>
        <source>Secure-VM disk encryption set</source>
        <translation>Jeu de chiffrement de disque de machine virtuelle sécurisée</translation>
    </message>
    <message>
        <source>Copy as Azure CL&amp;I</source>
        <translation>Copier en A&amp;zure CLI</translation>
    </message>
</context>
<context>
    <name>cmkui::WizardWindow</name>
    <message>
        <source>Re&amp;view an existing image version…</source>
        <translation>E&amp;xaminer une version d’image existante…</translation>
    </message>
    <message>
        <source>See how an existing image version is encrypted in every region, and what is wrong with it.</source>
        <translation>Voir comment une version d’image existante est chiffrée dans chaque région, et ce qui ne va pas.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
</context>
<context>
    <name>create</name>
    <message>
        <source>The draft cannot be submitted:</source>
        <translation>Le brouillon ne peut pas être soumis&#xa0;:</translation>
    </message>
    <message>
        <source>Creates the image version a draft describes (the file the wizard saves; format in docs/draft-format.md). The draft is checked against Azure first: image definition, version, source and LUNs, regions, disk encryption sets.</source>
        <translation>Crée la version d’image que décrit un brouillon (le fichier enregistré par l’Assistant&#x202f;; format dans docs/draft-format.md). Le brouillon est d’abord vérifié auprès d’Azure&#xa0;: définition d’image, version, source et LUN, régions, jeux de chiffrement de disque.</translation>
    </message>
    <message>
        <source>The draft file to submit.</source>
        <translation>Le fichier de brouillon à soumettre.</translation>
    </message>
    <message>
        <source>Seconds between replication status checks (default 10).</source>
        <translation>Secondes entre deux vérifications du statut de réplication (10 par défaut).</translation>
    </message>
    <message>
        <source>Missing --draft FILE.</source>
        <translation>--draft FICHIER manquant.</translation>
    </message>
    <message>
        <source>--poll-interval must be a number of seconds, not “%1”.</source>
        <translation>--poll-interval doit être un nombre de secondes, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Could not check the draft against Azure: %1</source>
        <translation>Impossible de vérifier le brouillon auprès d’Azure&#xa0;: %1</translation>
    </message>
    <message>
        <source>The image version was not created: %1</source>
        <translation>La version d’image n’a pas été créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>[%1: %2 %3]</source>
        <extracomment>One region&apos;s replication in the progress line: %1 region, %2 state, %3 percentage</extracomment>
        <translation>[%1&#xa0;: %2 %3]</translation>
    </message>
    <message>
        <source>Commands that create the missing disk encryption sets (replace the &lt;placeholders&gt;):</source>
        <translation>Commandes qui créent les jeux de chiffrement de disque manquants (remplacez les &lt;espaces réservés&gt;)&#xa0;:</translation>
    </message>
    <message>
        <source>Run every check create runs, reading Azure (GET requests only), and print the PUT URL and body instead of sending it.</source>
        <translation>Effectuer toutes les vérifications de create, en lisant Azure (requêtes GET uniquement), et afficher l’URL et le corps du PUT au lieu de l’envoyer.</translation>
    </message>
    <message>
        <source>Check the draft file on its own and print the PUT URL and body; send nothing at all (Azure may still refuse what passes).</source>
        <translation>Vérifier le fichier brouillon seul et afficher l’URL et le corps du PUT&#xa0;; ne rien envoyer du tout (Azure peut encore refuser ce qui passe).</translation>
    </message>
    <message>
        <source>This draft updates the existing image version %1; send it with cmkwizard update.</source>
        <translation>Ce brouillon met à jour la version d’image existante %1&#x202f;; envoyez-le avec cmkwizard update.</translation>
    </message>
</context>
<context>
    <name>createvm</name>
    <message>
        <source>The VM draft cannot be submitted:</source>
        <translation>Le brouillon de machine virtuelle ne peut pas être soumis&#xa0;:</translation>
    </message>
    <message>
        <source>Creates the virtual machine a VM draft describes (format in docs/create-vm.md): a new virtual network when asked, a network interface, then the VM from a gallery image version, with a disk encryption set on each disk. The draft is checked against Azure first. The admin password may come from the environment variable %1 instead of the file.</source>
        <translation>Crée la machine virtuelle que décrit un brouillon de machine virtuelle (format dans docs/create-vm.md)&#xa0;: un nouveau réseau virtuel si demandé, une interface réseau, puis la machine virtuelle à partir d’une version d’image de galerie, avec un jeu de chiffrement de disque sur chaque disque. Le brouillon est d’abord vérifié auprès d’Azure. Le mot de passe de l’administrateur peut venir de la variable d’environnement %1 au lieu du fichier.</translation>
    </message>
    <message>
        <source>The VM draft file to submit.</source>
        <translation>Le fichier de brouillon de machine virtuelle à soumettre.</translation>
    </message>
    <message>
        <source>Check the draft on its own and print the PUT URLs and bodies; send nothing at all.</source>
        <translation>Vérifier le brouillon seul et afficher les URL et les corps des PUT&#x202f;; ne rien envoyer.</translation>
    </message>
    <message>
        <source>Print the equivalent commands instead: az or powershell.</source>
        <translation>Afficher plutôt les commandes équivalentes&#xa0;: az ou powershell.</translation>
    </message>
    <message>
        <source>Missing --draft FILE.</source>
        <translation>--draft FICHIER manquant.</translation>
    </message>
    <message>
        <source>--export takes az or powershell, not “%1”.</source>
        <translation>--export accepte az ou powershell, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Could not check the VM draft against Azure: %1</source>
        <translation>Impossible de vérifier le brouillon de machine virtuelle auprès d’Azure&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <extracomment>Progress line: %1 the step, %2 the status Azure reports (InProgress, Succeeded...)</extracomment>
        <translation>%1 [%2]</translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <source>Sign in to Microsoft Entra ID. The sign-in is kept in the system keychain for the other commands.</source>
        <translation>Se connecter à Microsoft Entra ID. La connexion est conservée dans le trousseau système pour les autres commandes.</translation>
    </message>
    <message>
        <source>Sign in on another device: print a code to enter at a verification page instead of opening a browser.</source>
        <translation>Se connecter sur un autre appareil&#xa0;: afficher un code à entrer sur une page de vérification au lieu d’ouvrir un navigateur.</translation>
    </message>
    <message>
        <source>CMKWIZARD_ACCESS_TOKEN is set: the commands use that token and there is nothing to sign in.</source>
        <translation>CMKWIZARD_ACCESS_TOKEN est défini&#xa0;: les commandes utilisent ce jeton et il n’y a pas de connexion à faire.</translation>
    </message>
    <message>
        <source>Open this address in a browser to sign in:</source>
        <translation>Ouvrez cette adresse dans un navigateur pour vous connecter&#xa0;:</translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation>En attente de la connexion dans le navigateur…</translation>
    </message>
    <message>
        <source>The sign-in did not complete in time.</source>
        <translation>La connexion ne s’est pas terminée à temps.</translation>
    </message>
    <message>
        <source>Signed in as %1 (tenant %2).</source>
        <translation>Connecté en tant que %1 (locataire %2).</translation>
    </message>
    <message>
        <source>Sign out: forget every cached token and account.</source>
        <translation>Se déconnecter&#xa0;: oublier tous les jetons et comptes en cache.</translation>
    </message>
    <message>
        <source>CMKWIZARD_ACCESS_TOKEN is set: there is no cached sign-in to forget.</source>
        <translation>CMKWIZARD_ACCESS_TOKEN est défini&#xa0;: il n’y a pas de connexion en cache à oublier.</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Déconnecté.</translation>
    </message>
    <message>
        <source>Signed out %1.</source>
        <translation>%1 est déconnecté.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Azure Resource Manager endpoint (default %1).</source>
        <translation>Point de terminaison Azure Resource Manager (%1 par défaut).</translation>
    </message>
    <message>
        <source>Microsoft Entra ID authority (default %1).</source>
        <translation>Autorité Microsoft Entra ID (%1 par défaut).</translation>
    </message>
    <message>
        <source>Tenant ID or domain.</source>
        <translation>ID ou domaine du locataire.</translation>
    </message>
    <message>
        <source>Application (client) ID used to sign in.</source>
        <translation>ID d’application (client) utilisé pour la connexion.</translation>
    </message>
    <message>
        <source>Start the embedded armsandbox with the demo data and use it instead of Azure.</source>
        <translation>Démarrer l’armsandbox intégré avec les données de démonstration et l’utiliser à la place d’Azure.</translation>
    </message>
    <message>
        <source>Language of the interface: fr or en.</source>
        <translation>Langue de l’interface&#xa0;: fr ou en.</translation>
    </message>
    <message>
        <source>--arm-endpoint must be an http(s) URL, not “%1”.</source>
        <translation>--arm-endpoint doit être une URL http(s), et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--lang must be fr or en, not “%1”.</source>
        <translation>--lang doit valoir fr ou en, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>List Disk Encryption Sets of a subscription.</source>
        <translation>Lister les jeux de chiffrement de disque d’un abonnement.</translation>
    </message>
    <message>
        <source>Check (and with --register, register) the subscription&apos;s prerequisites.</source>
        <translation>Vérifier (et, avec --register, inscrire) les prérequis de l’abonnement.</translation>
    </message>
    <message>
        <source>Sign in to Microsoft Entra ID (--device-code without a browser).</source>
        <translation>Se connecter à Microsoft Entra ID (--device-code sans navigateur).</translation>
    </message>
    <message>
        <source>Sign out and forget the cached tokens.</source>
        <translation>Se déconnecter et oublier les jetons en cache.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>Commande inconnue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Commandes&#xa0;:</translation>
    </message>
    <message>
        <source>Create the image version a draft file describes (--dry-run: print the request).</source>
        <translation>Créer la version d’image que décrit un fichier de brouillon (--dry-run&#xa0;: afficher la requête).</translation>
    </message>
    <message>
        <source>Review how an existing image version is encrypted and what is wrong with it.</source>
        <translation>Examiner le chiffrement d’une version d’image existante et ce qui ne va pas.</translation>
    </message>
    <message>
        <source>Export a draft as an az command, PowerShell, an ARM template or Bicep.</source>
        <translation>Exporter un brouillon sous forme de commande az, de PowerShell, de modèle ARM ou de Bicep.</translation>
    </message>
    <message>
        <source>Read an az sig image-version create command into a draft.</source>
        <translation>Lire une commande az sig image-version create dans un brouillon.</translation>
    </message>
    <message>
        <source>Create the virtual machine a VM draft file describes, from an encrypted image version (--dry-run: print the requests).</source>
        <translation>Créer la machine virtuelle que décrit un fichier de brouillon de machine virtuelle, à partir d’une version d’image chiffrée (--dry-run&#xa0;: afficher les requêtes).</translation>
    </message>
    <message>
        <source>Azure cloud: public, usgov or china. Chooses the sign-in authority and the Resource Manager endpoint together, and is remembered for the next runs (default: the last one chosen, else public).</source>
        <translation>Cloud Azure&#xa0;: public, usgov ou china. Choisit ensemble l’autorité de connexion et le point de terminaison Resource Manager, et est retenu pour les exécutions suivantes (par défaut&#xa0;: le dernier choisi, sinon public).</translation>
    </message>
    <message>
        <source>--cloud must be public, usgov or china, not “%1”.</source>
        <translation>--cloud doit valoir public, usgov ou china, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Check the keys behind Disk Encryption Sets, with the fixes.</source>
        <translation>Vérifier les clés des jeux de chiffrement de disque, avec les corrections.</translation>
    </message>
    <message>
        <source>Create a Disk Encryption Set from nothing (vault, key, set, access).</source>
        <translation>Créer un jeu de chiffrement de disque à partir de rien (coffre, clé, jeu, accès).</translation>
    </message>
    <message>
        <source>Write an existing image version as an update draft (--id, --out).</source>
        <translation>Écrire une version d’image existante sous forme de brouillon de mise à jour (--id, --out).</translation>
    </message>
    <message>
        <source>Update an existing image version from an update draft (--dry-run: print the request).</source>
        <translation>Mettre à jour une version d’image existante à partir d’un brouillon de mise à jour (--dry-run&#xa0;: afficher la requête).</translation>
    </message>
    <message>
        <source>Audit every image version of subscriptions: their encryption and their problems, as text, JSON, CSV or HTML.</source>
        <translation>Auditer toutes les versions d’image d’abonnements&#xa0;: leur chiffrement et leurs problèmes, en texte, JSON, CSV ou HTML.</translation>
    </message>
</context>
<context>
    <name>update</name>
    <message>
        <source>The update cannot be sent:</source>
        <translation>La mise à jour ne peut pas être envoyée&#xa0;:</translation>
    </message>
    <message>
        <source>This draft creates an image version; an update draft has “mode”: “update” and “versionId” (cmkwizard edit writes one).</source>
        <translation>Ce brouillon crée une version d’image&#x202f;; un brouillon de mise à jour contient «&#xa0;mode&#xa0;»&#xa0;: «&#xa0;update&#xa0;» et «&#xa0;versionId&#xa0;» (cmkwizard edit en écrit un).</translation>
    </message>
    <message>
        <source>Could not check the update against Azure: %1</source>
        <translation>Impossible de vérifier la mise à jour auprès d’Azure&#xa0;: %1</translation>
    </message>
    <message>
        <source>Writes an existing image version as an update draft (format in docs/draft-format.md): its target regions, replica counts, storage types, disk encryption sets, end of life and tags, its source locked. Change the draft, then send it with cmkwizard update.</source>
        <translation>Écrit une version d’image existante sous forme de brouillon de mise à jour (format dans docs/draft-format.md)&#xa0;: ses régions cibles, nombres de réplicas, types de stockage, jeux de chiffrement de disque, fin de vie et étiquettes, sa source verrouillée. Modifiez le brouillon, puis envoyez-le avec cmkwizard update.</translation>
    </message>
    <message>
        <source>The draft file to write.</source>
        <translation>Le fichier de brouillon à écrire.</translation>
    </message>
    <message>
        <source>--id VERSION_ID and --out DRAFT are required.</source>
        <translation>--id ID_VERSION et --out BROUILLON sont obligatoires.</translation>
    </message>
    <message>
        <source>Updates the existing image version an update draft describes (cmkwizard edit writes one): its target regions, replica counts, storage types, disk encryption sets, end of life and tags. The draft is checked against the version and Azure first.</source>
        <translation>Met à jour la version d’image existante que décrit un brouillon de mise à jour (cmkwizard edit en écrit un)&#xa0;: ses régions cibles, nombres de réplicas, types de stockage, jeux de chiffrement de disque, fin de vie et étiquettes. Le brouillon est d’abord vérifié par rapport à la version et auprès d’Azure.</translation>
    </message>
    <message>
        <source>The update draft to send.</source>
        <translation>Le brouillon de mise à jour à envoyer.</translation>
    </message>
    <message>
        <source>Check the draft on its own and print the PATCH URL and body; send nothing.</source>
        <translation>Vérifier le brouillon seul et afficher l’URL et le corps du PATCH&#x202f;; ne rien envoyer.</translation>
    </message>
    <message>
        <source>Allow removing target regions the version is replicated to (sets safetyProfile.allowDeletionOfReplicatedLocations; the replicas there are deleted).</source>
        <translation>Autoriser le retrait de régions cibles où la version est répliquée (définit safetyProfile.allowDeletionOfReplicatedLocations&#x202f;; les réplicas de ces régions sont supprimés).</translation>
    </message>
    <message>
        <source>Missing --draft FILE.</source>
        <translation>--draft FICHIER manquant.</translation>
    </message>
    <message>
        <source>The image version was not updated: %1</source>
        <translation>La version d’image n’a pas été mise à jour&#xa0;: %1</translation>
    </message>
</context>
</TS>
